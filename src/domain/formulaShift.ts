/** Moving a formula as Excel does when it is filled or pasted elsewhere: relative references follow. */
import { columnLetter } from './columns';

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/y;

/**
 * Shifts the relative references of a formula by dRow rows and dCol columns (`$` parts stay).
 * Text in double quotes is left alone; a reference pushed off the sheet becomes `#REF!`.
 */
export function shiftFormula(
  formula: string,
  dRow: number,
  dCol: number,
  absoluteToo = false,
): string {
  if (!formula.startsWith('=') || (dRow === 0 && dCol === 0)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"'))
        j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // a quoted sheet name: copy it up to its closing quote
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'"))
        j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (/[A-Z$]/.test(ch) && !/[A-Za-z0-9_.]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const [, dc, letters, dr, digits] = m;
        const c = dc && !absoluteToo ? colIndex(letters) : colIndex(letters) + dCol;
        const r = dr && !absoluteToo ? Number(digits) : Number(digits) + dRow;
        out += c < 0 || r < 1 ? '#REF!' : `${dc}${columnLetter(c)}${dr}${r}`;
        i += m[0].length;
        continue;
      }
    }
    // skip the rest of an identifier (function names such as LOG10 are not references)
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < formula.length && /[A-Za-z0-9_.]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Moves every row reference (absolute ones too): a formula placed `dRow` rows lower in a file. */
export function moveFormulaRows(formula: string, dRow: number): string {
  return shiftFormula(formula, dRow, 0, true);
}
