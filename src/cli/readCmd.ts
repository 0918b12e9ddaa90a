/** `planbook read`: how a file was understood — columns, rules, rows, and what was left out. */
import { sheetContext } from '../domain/checkContext';
import { columnLetter } from '../domain/columns';
import type { AppendixSheet, ColumnNode } from '../domain/types';
import type { PlanReading } from '../io/readPlan';
import { safeText } from './check';

export interface ReadingJson {
  file: string;
  sheets: {
    name: string;
    band: { start: number; end: number; codeRow: number | null } | null;
    columns: {
      id: string;
      path: string[];
      role: string;
      column: string | null;
      year?: number;
      source?: string;
      code?: string;
      additive: boolean;
    }[];
    rules: { text: string; from: 'code row' | 'label' | 'structure'; line: number | null }[];
    rows: {
      line: number | null;
      kind: string;
      level: number;
      part?: string;
      tt: string;
      label: string;
      figures: number;
    }[];
    totalsAdd: { line: number | null; rows: number }[];
    statedMode: string | null;
    footer: string[];
  }[];
  /** Sheets kept as plain tables (not read as appendices). */
  plain: string[];
  warnings: { code: string; row: number | null; sheet?: string; message: string }[];
}

function paths(nodes: ColumnNode[], above: string[] = [], out = new Map<string, string[]>()) {
  for (const n of nodes) {
    if (n.kind === 'leaf') out.set(n.id, [...above, n.label]);
    else paths(n.children, [...above, n.label], out);
  }
  return out;
}

/** The reading of the given sheets as JSON. */
export function readingJson(
  file: string,
  reading: PlanReading,
  sheets: AppendixSheet[],
): ReadingJson {
  return {
    file,
    sheets: sheets.map((s) => {
      const ctx = sheetContext(s);
      const cols = reading.colOf?.get(s.id);
      const p = paths(s.columns);
      const lines = reading.linesBySheet?.get(s.id) ?? reading.lineOf;
      const line = (i: number) => lines.get(s.rows[i]?.id) ?? null;
      const band = reading.sources?.find((x) => x.sheetId === s.id)?.band ?? null;
      return {
        name: s.name,
        band,
        columns: ctx.leaves.map((l) => ({
          id: l.id,
          path: p.get(l.id) ?? [l.label],
          role: l.role,
          column: cols?.has(l.id) ? columnLetter(cols.get(l.id)!) : null,
          ...(l.year ? { year: l.year } : {}),
          ...(l.source ? { source: l.source } : {}),
          ...(l.code ? { code: l.code } : {}),
          additive: l.additive !== false,
        })),
        rules: [
          ...ctx.rules.map((r) => ({
            text: r.text,
            from: r.from ?? ('code row' as const),
            line: null,
          })),
          ...[...ctx.labelRules].map(([i, r]) => ({
            text: r.text,
            from: 'label' as const,
            line: line(i),
          })),
        ],
        rows: s.rows.map((r, i) => ({
          line: line(i),
          kind: r.kind,
          level: r.level,
          ...(r.part ? { part: r.part } : {}),
          tt: String(r.cells.tt ?? ''),
          label: String(r.cells.name ?? ''),
          figures: Object.values(r.cells).filter((x) => typeof x === 'number').length,
        })),
        totalsAdd: [...ctx.segments].map(([i, seg]) => ({ line: line(i), rows: seg.length })),
        statedMode: ctx.statedMode,
        footer: s.footer ?? [],
      };
    }),
    plain: reading.skipped,
    warnings: reading.warnings.map((w) => ({
      code: w.code,
      row: w.row,
      ...(w.sheet ? { sheet: w.sheet } : {}),
      message: w.message,
    })),
  };
}

const KIND: Record<string, string> = { section: 'SECTION', project: 'item', total: 'TOTAL' };

/** The reading as text: one block per sheet. */
export function formatReading(r: ReadingJson): string {
  const out: string[] = [`${safeText(r.file)}`];
  for (const s of r.sheets) {
    out.push(
      '',
      `sheet ${safeText(s.name)}: header rows ${s.band ? `${s.band.start + 1}-${s.band.end}` : '-'}${s.band?.codeRow != null ? `, code row ${s.band.codeRow + 1}` : ''}`,
      '  columns:',
    );
    for (const c of s.columns)
      out.push(
        `    ${(c.column ?? '-').padEnd(3)} ${c.role.padEnd(8)} ${safeText(c.path.join(' › '))}${c.code ? ` [${safeText(c.code)}]` : ''}${c.additive ? '' : ' (not added)'}`,
      );
    out.push('  rules:');
    for (const x of s.rules)
      out.push(`    ${safeText(x.text)} (from the ${x.from}${x.line ? `, line ${x.line}` : ''})`);
    if (s.statedMode)
      out.push(
        `    stated column: ${s.statedMode === 'equal' ? 'the row total' : 'a ceiling (total investment)'}`,
      );
    out.push('  rows:');
    for (const x of s.rows)
      out.push(
        `    ${String(x.line ?? '-').padStart(5)} ${(KIND[x.kind] ?? x.kind).padEnd(7)} ${'  '.repeat(x.level)}${safeText(x.tt)} ${safeText(x.label).slice(0, 70)}${x.part ? ` (${x.part === 'ofWhich' ? 'of which: not added' : 'ratio: not added'})` : ''}`,
      );
    if (s.footer.length) out.push('  below the table (kept as text):');
    for (const f of s.footer) out.push(`    ${safeText(f).slice(0, 100)}`);
  }
  if (r.plain.length) out.push('', `kept as plain tables: ${r.plain.map(safeText).join(', ')}`);
  for (const w of r.warnings) out.push(`note ${w.code}: ${safeText(w.message)}`);
  return out.join('\n');
}
