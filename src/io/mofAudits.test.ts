/**
 * The hand audits of the Ministry of Finance corpus (fixtures/audits, one JSON per workbook) as
 * expectations: on every audited sheet the structure read (sections, items, totals, of-which and
 * derived rows, which columns add up) is the audit's, every real difference is found as an error
 * (at its cell or at a cell the audit names for the same gap), and no other cell gets an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAdditive } from '../domain/checkContext';
import { columnLetter, leaves } from '../domain/columns';
import { tableStructure } from '../domain/tableStructure';
import { checkWorkbook } from '../cli/check';
import { readPlanFile } from './readPlan';

interface SheetAudit {
  sheet: string;
  table: boolean;
  sections?: number[];
  items?: number;
  totals?: number[];
  ofWhich?: number[];
  derived?: number[];
  columns?: Record<string, string>;
  realDifferences?: { cell: string; alsoAt?: string[] }[];
}
interface Audit {
  file: string;
  sheets: SheetAudit[];
}

const files = readdirSync('fixtures/audits').filter((f) => f.endsWith('.json'));
const audits: Audit[] = files.map((f) => JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8')));
const byNumber = (x: number, y: number) => x - y;

describe('the hand-audited corpus', () => {
  it('covers every workbook of fixtures/mof', () => {
    const books = readdirSync('fixtures/mof').filter((f) => f.endsWith('.xls'));
    expect(audits.map((a) => a.file).sort()).toEqual(books.sort());
    expect(audits.flatMap((a) => a.sheets.filter((s) => s.table))).toHaveLength(88);
  });

  // the structure read (sections, items, totals, of-which and derived rows, column roles) is the
  // audit's on every sheet, by the convention written in fixtures/audits/README.md
  for (const audit of audits)
    it(`${audit.file}: the structure read is the audit's`, () => {
      const reading = readPlanFile(audit.file, readFileSync(`fixtures/mof/${audit.file}`));
      for (const a of audit.sheets.filter((x) => x.table)) {
        const s = reading.workbook.sheets.find((x) => x.name === a.sheet);
        expect(s, a.sheet).toBeDefined();
        const lines = reading.linesBySheet!.get(s!.id)!;
        const st = tableStructure(s!);
        const at = (rows: number[]) => rows.map((i) => lines.get(s!.rows[i].id)!).sort(byNumber);
        const sorted = (rows?: number[]) => [...(rows ?? [])].sort(byNumber);
        expect(
          {
            sections: at(st.sections),
            items: st.items.length,
            totals: at(st.totals),
            ofWhich: at(st.parts.filter((i) => s!.rows[i].part === 'ofWhich')),
            derived: at(st.derived),
          },
          a.sheet,
        ).toEqual({
          sections: sorted(a.sections),
          items: a.items ?? 0,
          totals: sorted(a.totals),
          ofWhich: sorted(a.ofWhich),
          derived: sorted(a.derived),
        });
        // every column read: additive exactly where the audit calls it an amount
        const cols = reading.colOf!.get(s!.id)!;
        for (const leaf of leaves(s!.columns)) {
          const letter = cols.has(leaf.id) ? columnLetter(cols.get(leaf.id)!) : '';
          const role = a.columns?.[letter];
          if (role)
            expect(isAdditive(leaf), `${a.sheet} ${letter} ${role}`).toBe(role === 'amount');
        }
      }
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
