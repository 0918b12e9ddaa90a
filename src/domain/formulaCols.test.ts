import { describe, expect, it } from 'vitest';
import { remapFormulaCols, renameInFormula } from './formulaCols';
import { namesSheet } from './ops';

const own = (s: string | undefined) => s === undefined;
// column C inserted: C → D, D → E…
const insertC = (c: number) => (c >= 2 ? c + 1 : c);
// column C removed
const removeC = (c: number) => (c === 2 ? null : c > 2 ? c - 1 : c);

describe('remapFormulaCols', () => {
  it('moves single references, ranges and absolute columns past an inserted column', () => {
    expect(remapFormulaCols('=B2+C2*$D$3', insertC, own)).toBe('=B2+D2*$E$3');
    expect(remapFormulaCols('=SUM(A1:D1)', insertC, own)).toBe('=SUM(A1:E1)');
    expect(remapFormulaCols('=SUM(C:C)', insertC, own)).toBe('=SUM(D:D)');
    expect(remapFormulaCols('=SUM(2:3)', insertC, own)).toBe('=SUM(2:3)');
    expect(remapFormulaCols('="C2"&C2', insertC, own)).toBe('="C2"&D2');
  });
  it('a reference to a removed column is #REF!; a range shrinks', () => {
    expect(remapFormulaCols('=C2+D2', removeC, own)).toBe('=#REF!+C2');
    expect(remapFormulaCols('=SUM(B2:D2)', removeC, own)).toBe('=SUM(B2:C2)');
  });
  it('touches only the references of the sheet asked for', () => {
    const other = namesSheet('Phụ lục');
    expect(remapFormulaCols("='Phụ lục'!C2+C2", insertC, other)).toBe("='Phụ lục'!D2+C2");
  });
});

describe('renameInFormula', () => {
  it('renames the sheet a reference names, quoting as needed', () => {
    const f = "='Phụ lục'!E2+SUM('phụ lục'!E2:F3)+Khac!A1";
    expect(renameInFormula(f, namesSheet('Phụ lục'), 'PL1')).toBe('=PL1!E2+SUM(PL1!E2:F3)+Khac!A1');
    expect(renameInFormula('=Khac!A1', namesSheet('Khac'), 'Phụ lục 2')).toBe("='Phụ lục 2'!A1");
  });
});
