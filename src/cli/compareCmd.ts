/** `planbook compare`: what changed between two versions of a plan, as text or one JSON object. */
import { writeFileSync } from 'node:fs';
import { type ComparisonResult, compareWithTable } from '../domain/adjustment';
import { type Match, type MatchReason, type ProjectRef } from '../domain/match';
import type { ProjectGroup } from '../domain/matchGroups';
import type { CellDiff } from '../domain/compareCells';
import { clean, formatAmount } from '../domain/numbers';
import { formatPercent, percentAt } from '../domain/percent';
import { evaluatedSide } from '../engine/sides';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { baseName, type PlanReading } from '../io/readPlan';

/** A project as the JSON names it: its name and its input line (or its row, 1-based). */
export interface ProjectJson {
  label: string;
  row: number | null;
}

export interface CompareJson {
  a: string;
  b: string;
  /** Every pair: how it was made (`by`), how sure (0..1), why, and whether the user must confirm. */
  matched: {
    a: string;
    b: string;
    renamed: boolean;
    /** The same name spelled otherwise (case or diacritics: `nameChange`), not a rename. */
    respelled: boolean;
    moved: boolean;
    by: Match['by'];
    confidence: number;
    reason: string;
    confirm: boolean;
  }[];
  added: ProjectJson[];
  removed: ProjectJson[];
  /**
   * Projects of sections b's file does not hold at all (a department's own part of the plan):
   * neither removed nor in the totals; `sections` names those sections as written.
   */
  outside?: { projects: ProjectJson[]; sections: string[] };
  renamed: { before: ProjectJson; after: ProjectJson; confidence: number; reason: string }[];
  /** Names spelled otherwise (only case or diacritics differ): spelling edits, not renames. */
  respelled: { before: ProjectJson; after: ProjectJson }[];
  /** Projects now under another section (section paths as written, ` / `-joined). */
  moved: { label: string; from: string; to: string; row: number | null }[];
  split: { from: ProjectJson; into: ProjectJson[]; confidence: number; reason: string }[];
  merged: { from: ProjectJson[]; into: ProjectJson; confidence: number; reason: string }[];
  /** Pairs, splits and merges the user should confirm or fix, least sure first. */
  toConfirm: {
    kind: 'pair' | 'split' | 'merge';
    a: string[];
    b: string[];
    confidence: number;
    reason: string;
  }[];
  changes: {
    label: string;
    year: number | null;
    source: string | null;
    column: string;
    before: number | string | null;
    after: number | string | null;
    kind: 'value' | 'formula';
    /**
     * The file (`a` before, `b` after) that has no such column: its side is null, the column
     * absent there (not a figure cut to 0). Absent when both files have the column.
     */
    columnMissingIn?: 'a' | 'b';
    /** A percent cell (the source's `0.0%`): the decimals printed; figures stay fractions. */
    percent?: number;
  }[];
  totals: { before: number; after: number; increase: number; decrease: number };
}

/** `{percent}` when the changed cell shows a percentage on either side, else nothing. */
function percentOf(d: CellDiff): { percent?: number } {
  const p =
    (d.column.b ? percentAt(d.match.b.row, d.column.b.id) : undefined) ??
    (d.column.a ? percentAt(d.match.a.row, d.column.a.id) : undefined);
  return p === undefined ? {} : { percent: p };
}

const name = (p: ProjectRef) => String(p.row.cells.name ?? '').trim();

const REASONS: Record<MatchReason | ProjectGroup['reasons'][number], string> = {
  id: 'the same row of one workbook',
  user: 'confirmed by the user',
  sameName: 'same name',
  sameSpelling: 'same name but for case, accents, spacing or punctuation',
  expanded: 'same name once abbreviations and phases are written alike',
  similarName: 'similar name',
  sameUnit: 'same lead unit',
  otherUnit: 'another lead unit',
  sameSection: 'same section',
  otherSection: 'another section',
  sameAmounts: 'same amounts',
  sameCode: 'same project code',
  duplicate: 'another project has the same name',
  runnerUp: 'another candidate is nearly as close',
  namesAlike: 'the names share their words',
  amountsAddUp: 'the amounts add up column by column',
  totalsAddUp: 'the totals add up',
};

/** The reasons of a pair or group in words. */
export function reasonText(reasons: readonly (keyof typeof REASONS)[]): string {
  return reasons.map((r) => REASONS[r]).join('; ');
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Compares two read files (a: before, b: after). */
export function comparePlans(
  fileA: string,
  a: PlanReading,
  fileB: string,
  b: PlanReading,
): ComparisonResult {
  return compareWithTable(evaluatedSide(fileA, a.workbook), evaluatedSide(fileB, b.workbook));
}

/** The comparison as the JSON object the command prints (rows are input lines where known). */
export function compareJson(r: ComparisonResult, a: PlanReading, b: PlanReading): CompareJson {
  const c = r.comparison;
  const row = (reading: PlanReading, p: ProjectRef) => reading.lineOf.get(p.row.id) ?? p.index + 1;
  const round = (n: number) => Math.round(n * 1e9) / 1e9;
  const inA = (p: ProjectRef): ProjectJson => ({ label: name(p), row: row(a, p) });
  const inB = (p: ProjectRef): ProjectJson => ({ label: name(p), row: row(b, p) });
  const groups = (kind: ProjectGroup['kind']) => c.groups.filter((g) => g.kind === kind);
  return {
    a: c.a,
    b: c.b,
    matched: c.matched.map((m) => ({
      a: name(m.a),
      b: name(m.b),
      renamed: m.renamed,
      respelled: m.respelled,
      moved: m.moved,
      by: m.by,
      confidence: round2(m.confidence),
      reason: reasonText(m.reasons),
      confirm: m.doubtful,
    })),
    added: c.added.map(inB),
    removed: c.removed.map(inA),
    outside: {
      projects: c.outside.map(inA),
      sections: [...new Set(c.outside.map((p) => p.sections.join(' / ') || '(top)'))],
    },
    renamed: c.matched
      .filter((m) => m.renamed)
      .map((m) => ({
        before: inA(m.a),
        after: inB(m.b),
        confidence: round2(m.confidence),
        reason: reasonText(m.reasons),
      })),
    respelled: c.matched
      .filter((m) => m.respelled)
      .map((m) => ({ before: inA(m.a), after: inB(m.b) })),
    moved: c.matched
      .filter((m) => m.moved)
      .map((m) => ({
        label: name(m.b),
        from: m.a.sections.join(' / '),
        to: m.b.sections.join(' / '),
        row: row(b, m.b),
      })),
    split: groups('split').map((g) => ({
      from: inA(g.a[0]),
      into: g.b.map(inB),
      confidence: round2(g.confidence),
      reason: reasonText(g.reasons),
    })),
    merged: groups('merge').map((g) => ({
      from: g.a.map(inA),
      into: inB(g.b[0]),
      confidence: round2(g.confidence),
      reason: reasonText(g.reasons),
    })),
    toConfirm: [
      ...c.matched
        .filter((m) => m.doubtful)
        .map((m) => ({
          kind: 'pair' as const,
          a: [name(m.a)],
          b: [name(m.b)],
          confidence: round2(m.confidence),
          reason: reasonText(m.reasons),
        })),
      ...c.groups
        .filter((g) => g.doubtful)
        .map((g) => ({
          kind: g.kind,
          a: g.a.map(name),
          b: g.b.map(name),
          confidence: round2(g.confidence),
          reason: reasonText(g.reasons),
        })),
    ].sort((x, y) => x.confidence - y.confidence),
    changes: c.changes.map((d) => ({
      label: name(d.match.b),
      year: d.column.year,
      source: d.column.source,
      column: d.column.label,
      before: typeof d.before === 'number' ? clean(d.before) : d.before,
      after: typeof d.after === 'number' ? clean(d.after) : d.after,
      kind: d.kind,
      ...(d.absent ? { columnMissingIn: d.absent } : {}),
      ...percentOf(d),
    })),
    totals: {
      before: round(c.totals.before),
      after: round(c.totals.after),
      increase: round(c.totals.increase),
      decrease: round(c.totals.decrease),
    },
  };
}

/** A readable summary of the comparison. */
export function formatCompare(j: CompareJson): string {
  const n = (v: number) => formatAmount(v, 'en');
  // figures as the totals line writes them (`7,068.21`, never the stored `7068.209999999999`)
  const cell = (v: number | string | null, pct?: number) =>
    v === null
      ? '(blank)'
      : typeof v === 'number'
        ? pct === undefined
          ? n(v)
          : formatPercent(v, 'en', pct)
        : v;
  const lines = [
    `${j.a} → ${j.b}`,
    `  ${j.matched.length} projects matched (${j.renamed.length} renamed, ${j.moved.length} moved), ${j.added.length} added, ${j.removed.length} removed, ${j.changes.length} changed cells, ${j.split.length} split, ${j.merged.length} merged, ${j.toConfirm.length} to confirm`,
    `  total before ${n(j.totals.before)}, after ${n(j.totals.after)} (increase ${n(j.totals.increase)}, decrease ${n(j.totals.decrease)})`,
  ];
  for (const m of j.matched.filter((x) => x.renamed))
    lines.push(`  RENAMED ${m.a} → ${m.b}${m.moved ? ' (moved)' : ''}`);
  // where each moved project went (section paths as written)
  for (const m of j.moved) lines.push(`  MOVED   ${m.label}: from “${m.from}” to “${m.to}”`);
  for (const m of j.respelled)
    lines.push(`  RESPELT ${m.before.label} → ${m.after.label} (spelling only, same project)`);
  for (const g of j.split)
    lines.push(`  SPLIT   ${g.from.label} → ${g.into.map((p) => p.label).join(' + ')}`);
  for (const g of j.merged)
    lines.push(`  MERGED  ${g.from.map((p) => p.label).join(' + ')} → ${g.into.label}`);
  for (const p of j.added) lines.push(`  ADDED   line ${p.row}: ${p.label}`);
  for (const p of j.removed) lines.push(`  REMOVED line ${p.row}: ${p.label}`);
  // a comparison written before `outside` was reported has none
  if (j.outside?.projects.length)
    lines.push(
      `  OUTSIDE ${j.outside.projects.length} projects of sections ${baseName(j.b)} does not hold (its file is a part of the plan; not removed, not in the totals): ${j.outside.sections.join('; ')}`,
    );
  // a side whose file lacks the column says so (never `1,200 → 0`, which reads as a cut)
  const side = (d: CompareJson['changes'][number], k: 'a' | 'b') =>
    d.columnMissingIn === k
      ? `(no such column in ${baseName(j[k])})`
      : cell(k === 'a' ? d.before : d.after, d.percent);
  for (const d of j.changes)
    lines.push(
      `  ${d.kind === 'formula' ? 'FORMULA' : 'CHANGED'} ${d.label} [${d.column}]: ${side(d, 'a')} → ${side(d, 'b')}`,
    );
  for (const x of j.toConfirm)
    lines.push(
      `  CONFIRM ${x.kind} ${x.a.join(' + ')} ⇄ ${x.b.join(' + ')} (${Math.round(x.confidence * 100)} %: ${x.reason})`,
    );
  return lines.join('\n');
}

/** Writes the adjustment table to `out`. */
export async function writeAdjustment(
  r: ComparisonResult,
  a: PlanReading,
  out: string,
): Promise<void> {
  const x = await exportAdjustmentXlsx({
    table: r.table,
    title: a.workbook.meta.title,
    // the files' names, never the folders of their paths
    before: baseName(r.comparison.a),
    after: baseName(r.comparison.b),
    unit: a.workbook.meta.unit,
  });
  writeFileSync(out, x.bytes);
}
