/**
 * The hand audits of the Ministry of Finance corpus (fixtures/audits, one JSON per workbook) as
 * expectations: on every audited sheet, every real difference is found as an error (at its cell or
 * at a cell the audit names for the same gap), no other cell gets an error, the total rows are the
 * audit's, and the ratio columns are never added up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableCounts } from '../domain/checkContext';
import { columnLetter } from '../domain/columns';
import { checkWorkbook } from '../cli/check';
import { readPlanFile } from './readPlan';

interface SheetAudit {
  sheet: string;
  table: boolean;
  sections?: number[];
  items?: number;
  totals?: number[];
  columns?: Record<string, string>;
  realDifferences?: { cell: string; alsoAt?: string[] }[];
}
interface Audit {
  file: string;
  sheets: SheetAudit[];
}

const files = readdirSync('fixtures/audits').filter((f) => f.endsWith('.json'));
const audits: Audit[] = files.map((f) => JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8')));

describe('the hand-audited corpus', () => {
  it('covers every workbook of fixtures/mof', () => {
    const books = readdirSync('fixtures/mof').filter((f) => f.endsWith('.xls'));
    expect(audits.map((a) => a.file).sort()).toEqual(books.sort());
  });

  it('reads sections and items as the auditors count them on most sheets', () => {
    // the audits count as sections only rows stating figures of their own (a heading without
    // figures checks nothing); conventions still differ on derived balance rows (a deficit
    // restating a difference, counted as an item by the reader) and on stand-alone leaves the
    // auditors did not count as items; the agreement is measured, and must not fall
    let same = 0;
    let sheets = 0;
    for (const audit of audits) {
      const reading = readPlanFile(audit.file, readFileSync(`fixtures/mof/${audit.file}`));
      for (const a of audit.sheets) {
        const s = reading.workbook.sheets.find((x) => x.name === a.sheet);
        if (!a.table || !s) continue;
        sheets++;
        const c = tableCounts(s);
        if (c.statedSections === (a.sections?.length ?? 0) && c.items === a.items) same++;
      }
    }
    expect(sheets).toBe(86);
    expect(same).toBeGreaterThanOrEqual(61);
  });

  for (const audit of audits) {
    it(`${audit.file}: every real difference found, no false alarm, totals and ratios as audited`, () => {
      const reading = readPlanFile(audit.file, readFileSync(`fixtures/mof/${audit.file}`));
      const result = checkWorkbook(audit.file, reading);
      for (const a of audit.sheets.filter((s) => s.table)) {
        const checked = result.sheets.find((s) => s.sheet === a.sheet);
        const errors = (checked?.findings ?? []).filter((f) => f.severity === 'error');
        const allowed = new Set(
          (a.realDifferences ?? []).flatMap((d) => [d.cell, ...(d.alsoAt ?? [])]),
        );
        // no error on a cell the audit calls right
        expect(
          errors
            .filter((e) => !allowed.has(e.cell ?? ''))
            .map((e) => `${a.sheet} ${e.cell} ${e.message}`),
        ).toEqual([]);
        // every real difference found
        for (const d of a.realDifferences ?? [])
          expect(
            errors.some((e) => [d.cell, ...(d.alsoAt ?? [])].includes(e.cell ?? '')),
            `${a.sheet} ${d.cell}`,
          ).toBe(true);
        if (!checked) continue;
        // ratio columns are read as such: never added
        const sheet = reading.workbook.sheets.find((s) => s.name === a.sheet)!;
        const cols = reading.colOf!.get(sheet.id)!;
        const ratios = Object.entries(a.columns ?? {})
          .filter(([, role]) => role === 'ratio')
          .map(([c]) => c);
        for (const leaf of sheet.columns.flatMap(function flat(n): typeof sheet.columns {
          return n.kind === 'leaf' ? [n] : n.children.flatMap(flat);
        })) {
          if (leaf.kind !== 'leaf' || !cols.has(leaf.id)) continue;
          const letter = columnLetter(cols.get(leaf.id)!);
          if (ratios.includes(letter)) expect(leaf.additive, `${a.sheet} ${letter}`).toBe(false);
        }
        // the rows stating the total of the whole table
        const lines = reading.linesBySheet!.get(sheet.id)!;
        const totals = sheet.rows.filter((r) => r.kind === 'total').map((r) => lines.get(r.id));
        for (const t of a.totals ?? []) expect(totals, `${a.sheet} total row ${t}`).toContain(t);
      }
    });
  }
});
