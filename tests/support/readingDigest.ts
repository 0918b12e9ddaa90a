/**
 * A workbook's reading and check findings as comparable lines per sheet (band, columns, rows with
 * their figures, findings): what must stay the same whichever program saved the file.
 */
import { leaves } from '../../src/domain/columns';
import type { WorkbookCheckJson } from '../../src/cli/check';
import type { PlanReading } from '../../src/io/readPlan';

/** Lines per sheet name: `band …`, `col …`, `row …`, `finding …`, `grid` for a plain sheet. */
export function readingDigest(
  reading: PlanReading,
  check: WorkbookCheckJson,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const sheet of reading.workbook.sheets) {
    if (sheet.kind !== 'appendix') {
      out.set(sheet.name, ['grid']);
      continue;
    }
    const lines: string[] = [];
    const src = reading.sources?.find((s) => s.sheetId === sheet.id);
    if (src?.band) lines.push(`band ${src.band.start}-${src.band.end} code ${src.band.codeRow}`);
    for (const l of leaves(sheet.columns))
      lines.push(
        `col ${l.id} ${l.role} ${JSON.stringify(l.label)}${l.code ? ` code ${l.code}` : ''}`,
      );
    const lineOf = reading.linesBySheet?.get(sheet.id);
    for (const r of sheet.rows) {
      const cells = Object.entries(r.cells)
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : JSON.stringify(v)}`)
        .join(' ');
      const extra = [
        r.part,
        r.rule,
        r.remark,
        r.marks && JSON.stringify(r.marks),
        r.percent && JSON.stringify(r.percent),
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(
        `row L${lineOf?.get(r.id) ?? '?'} ${r.kind} ${r.level} ${cells}${extra ? ` | ${extra}` : ''}`,
      );
    }
    const c = check.sheets.find((s) => s.sheet === sheet.name);
    for (const f of c?.findings ?? [])
      lines.push(`finding ${f.severity} ${f.rule} ${f.cell ?? ''}`);
    out.set(sheet.name, lines);
  }
  return out;
}

function round(v: number): string {
  return String(v);
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/**
 * Whether two digest lines say the same, figures equal to 1e-9 of their size: LibreOffice writes
 * stored doubles with 15 significant digits (`71314.11604899999` saved as `71314.116049`).
 */
export function sameLine(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.replace(NUMBER, '#') !== b.replace(NUMBER, '#')) return false;
  const x = a.match(NUMBER) ?? [];
  const y = b.match(NUMBER) ?? [];
  return x.every((v, i) => {
    const p = Number(v);
    const q = Number(y[i]);
    return Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(p), Math.abs(q));
  });
}

/** The lines that differ (`a ≠ b`), compared with sameLine. */
export function digestDiff(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (!sameLine(a[i], b[i])) out.push(`${a[i] ?? '∅'}  ≠  ${b[i] ?? '∅'}`);
  return out;
}
