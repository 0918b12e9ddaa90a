/**
 * What the checks of one sheet need to know about its structure, derived once per version of its
 * rows: which rows a section or a total adds up, the rules its labels and code row state, and what
 * its *Tổng mức đầu tư* column means.
 */
import { parseColumnRule, columnCode } from './columnRules';
import { leaves, yearGroups } from './columns';
import { markedColumns, noteAmounts } from './checkNotes';
import { groupRules } from './groupRules';
import { parseLabelRule, resolveLabelRule } from './labelRules';
import { notedTerms } from './noteTerms';
import { ofWhichGroups } from './ofWhichRows';
import { parentIndex, subtreeEnd } from './rows';
import { CATCH_ALL, addsUp, isAdditive, labelPath, partColumns, statedModeOf } from './columnShape';
import { totalSegments } from './totalSegments';
import { fold } from './sources';
import type { AppendixSheet, ColumnGroup, ColumnLeaf, Id, Row } from './types';

export { isAdditive } from './columnShape';

export interface ResolvedColumnRule {
  text: string;
  target: Id;
  terms: { sign: 1 | -1; colId: Id }[];
  /** Where the rule came from when not the code row (a header group the figures follow). */
  from?: 'structure';
}

export interface SheetContext {
  leaves: ColumnLeaf[];
  /** Numeric columns whose figures add up (not ratios, not the computed row total). */
  additive: ColumnLeaf[];
  amounts: ColumnLeaf[];
  stated: ColumnLeaf | undefined;
  rowTotal: ColumnLeaf | undefined;
  years: { group: ColumnGroup; leaves: ColumnLeaf[] }[];
  rules: ResolvedColumnRule[];
  /** Direct children of each section that add into it (of-which and ratio rows left out). */
  children: Map<number, number[]>;
  /** Column groups headed *Trong đó / Of which* and the total column they break down. */
  partColumns: { total: ColumnLeaf; parts: ColumnLeaf[] }[];
  /** Sections with nothing added under them but an of-which breakdown: its rows. */
  breakdown: Map<number, number[]>;
  /** Rows owning a sure of-which breakdown (ofWhichRows.ts): the parts they cannot exceed. */
  ofWhich: Map<number, number[]>;
  /** Columns whose rules the user switched off. */
  off: ReadonlySet<Id>;
  /**
   * Rows whose label states a rule, with the rows its terms name, and the figures a note gives a
   * term named in words (`- kết dư NSĐP`: the note's amount, each way it may read; signed).
   */
  labelRules: Map<
    number,
    { text: string; terms: { sign: 1 | -1; row: number }[]; noted?: number[] }
  >;
  /** The rows each total row adds up. */
  segments: Map<number, number[]>;
  /**
   * What the stated column means for a project: `equal` (the period's total: amounts add up to
   * it), `atMost` (a total investment: the period's amounts stay within it), or null (no column).
   */
  statedMode: 'equal' | 'atMost' | null;
  /** Whether a project's amounts are checked against its stated column at all. */
  rowTotalRule: boolean;
  /**
   * Sections whose rows may list only part of them: bullet lines under one item of a list whose
   * other items have none (a shortfall there is *to verify*, not an error).
   */
  partialLists: Set<number>;
  /** Amounts that the notes below the table state (each line, and sums of lines). */
  noteAmounts: number[];
  /** Columns (leaves and year groups) whose header carries a footnote marker (`(1)`, `(*)`). */
  markedColumns: Set<Id>;
}

interface Cached {
  columns: unknown;
  checks: unknown;
  footer: unknown;
  key: number;
  ctx: SheetContext;
}
/** By rows array (the same version), then by the sheet's columns and the rows' structure. */
/** Whether rows are numbered a, b, c… in order (`a`, `b)`, `c.`): an enumeration of points. */
function lettered(kids: readonly Row[]): boolean {
  if (kids.length < 2) return false;
  return kids.every((r, k) => {
    const tt = String(r.cells.tt ?? '')
      .trim()
      .replace(/[.)]$/, '');
    return tt === String.fromCharCode(97 + k);
  });
}

const byRows = new WeakMap<readonly Row[], Cached>();
const byColumns = new WeakMap<object, Cached>();

/** How often every row was hashed for a context (each costs the whole sheet; read by tests). */
export const contextWork = { keys: 0 };

/**
 * A hash of what the context depends on in the rows: ids, kinds, levels, parts, numbering, rules
 * (not the figures: an edited amount keeps the structure, and the context with it).
 */
function structureKey(rows: readonly Row[]): number {
  contextWork.keys++;
  let h = rows.length | 0;
  const mix = (x: number) => {
    h = (Math.imul(h ^ x, 0x01000193) + 0x9e3779b9) | 0;
  };
  const str = (t: unknown) => {
    const v = t === undefined || t === null ? '' : String(t);
    mix(v.length);
    for (let k = 0; k < v.length; k++) mix(v.charCodeAt(k));
  };
  for (const r of rows) {
    mix(r.kind.charCodeAt(0));
    mix(r.level);
    mix(r.part ? r.part.charCodeAt(0) : 0);
    str(r.id);
    str(r.cells.tt);
    str(r.rule);
    str(r.totalSource);
  }
  return h;
}

/** Column rules of a sheet, with the leaf ids they bind (rules naming unknown codes are skipped). */
export function sheetRules(sheet: AppendixSheet): ResolvedColumnRule[] {
  const ls = leaves(sheet.columns);
  const byCode = new Map<string, Id>();
  for (const l of ls)
    if (l.code && !byCode.has(columnCode(l.code))) byCode.set(columnCode(l.code), l.id);
  const off = new Set(sheet.checks?.off ?? []);
  const out: ResolvedColumnRule[] = [];
  for (const l of ls) {
    const r = l.code ? parseColumnRule(l.code) : null;
    if (!r || off.has(l.id)) continue;
    const terms = r.terms.map((t) => ({ sign: t.sign, colId: byCode.get(t.code) }));
    if (terms.some((t) => !t.colId || t.colId === l.id)) continue;
    out.push({ text: r.text, target: l.id, terms: terms as { sign: 1 | -1; colId: Id }[] });
  }
  return out;
}

/** The code row's rules, then the sums the header's groups mean where the figures follow them. */
function withGroupRules(sheet: AppendixSheet, coded: ResolvedColumnRule[]): ResolvedColumnRule[] {
  const meant = groupRules(
    sheet.columns,
    sheet.rows,
    new Set(coded.map((r) => r.target)),
    new Set(sheet.checks?.off ?? []),
  );
  return [...coded, ...meant.map((r) => ({ ...r, from: 'structure' as const }))];
}

/** The check context of a sheet (cached per version of its rows and columns). */
export function sheetContext(sheet: AppendixSheet): SheetContext {
  const same = (c: Cached | undefined) =>
    c && c.columns === sheet.columns && c.checks === sheet.checks && c.footer === sheet.footer;
  const hit = byRows.get(sheet.rows);
  if (same(hit)) return hit!.ctx;
  const key = structureKey(sheet.rows);
  const prior = byColumns.get(sheet.columns);
  if (same(prior) && prior!.key === key) {
    byRows.set(sheet.rows, prior!);
    return prior!.ctx;
  }
  const rows = sheet.rows;
  const ls = leaves(sheet.columns);
  const amounts = ls.filter((l) => l.role === 'amount');
  const stated = ls.find((l) => l.role === 'stated');
  const children = new Map<number, number[]>();
  const breakdown = new Map<number, number[]>();
  const labelRules: SheetContext['labelRules'] = new Map();
  rows.forEach((r, i) => {
    const end = subtreeEnd(rows, i);
    if (r.kind === 'section') {
      const kids: number[] = [];
      for (let j = i + 1; j < end; j++)
        if (rows[j].level === r.level + 1 && !rows[j].part) kids.push(j);
      children.set(i, kids);
      if (!kids.length) {
        const parts: number[] = [];
        for (let j = i + 1; j < end; j++)
          if (rows[j].level === r.level + 1 && rows[j].part === 'ofWhich') parts.push(j);
        if (parts.length) breakdown.set(i, parts);
      }
    }
    const rule = r.rule ? parseLabelRule(r.rule) : null;
    const terms = rule ? resolveLabelRule(rows, i, rule, end) : null;
    const noted = rule?.named ? notedTerms(sheet.footer ?? [], rule.named, r.marks) : undefined;
    if (rule && terms && noted !== null)
      labelRules.set(i, { text: rule.text, terms, ...(noted ? { noted } : {}) });
  });
  const bullet = (r: Row) => /^([-–+•*]|[a-zđ][.)]?)?$/.test(String(r.cells.tt ?? '').trim());
  const partialLists = new Set<number>();
  for (const [i, kids] of children) {
    if (!kids.length || !kids.every((j) => bullet(rows[j]))) continue;
    // points lettered a, b, c… enumerate the item's parts (a complete split), dashes may pick some
    if (lettered(kids.map((j) => rows[j]))) continue;
    // a last line for the rest (`… và phí khác`, `Other`) makes the list a complete split
    if (CATCH_ALL.test(fold(String(rows[kids[kids.length - 1]].cells.name ?? '')))) continue;
    const parent = parentIndex(rows, i);
    const siblings =
      parent < 0
        ? rows.map((_, j) => j).filter((j) => rows[j].level === rows[i].level)
        : (children.get(parent) ?? []);
    const broken = siblings.filter((j) => (children.get(j)?.length ?? 0) > 0).length;
    if (siblings.length >= 3 && broken * 2 < siblings.length) partialLists.add(i);
  }
  // where the table's other bullet breakdowns add up exactly, its breakdowns are complete splits
  const exact = [...partialLists].filter((i) => addsUp(rows, i, children.get(i)!, ls));
  if (exact.length >= 2) partialLists.clear();
  const coded = sheetRules(sheet);
  const keys = amounts.map((a) => `${a.year ?? ''}|${a.source ?? ''}`);
  const ctx: SheetContext = {
    leaves: ls,
    additive: ls.filter(isAdditive),
    amounts,
    stated,
    rowTotal: ls.find((l) => l.role === 'rowTotal'),
    years: yearGroups(sheet.columns),
    rules: withGroupRules(sheet, coded),
    children,
    breakdown,
    ofWhich: ofWhichGroups(rows),
    off: new Set(sheet.checks?.off ?? []),
    partColumns: partColumns(sheet.columns, coded),
    labelRules,
    segments: totalSegments(rows),
    rowTotalRule:
      !!stated &&
      amounts.length > 0 &&
      amounts.every((a) => a.year !== undefined) &&
      new Set(keys).size === keys.length &&
      !coded.some((r) => r.target === stated.id),
    partialLists,
    noteAmounts: noteAmounts(sheet.footer ?? []),
    markedColumns: markedColumns(sheet.columns),
    statedMode: !stated
      ? null
      : /muc dau tu|tmdt/.test(fold(labelPath(sheet.columns, stated.id).join(' ')))
        ? statedModeOf(rows, stated, amounts)
        : 'equal',
  };
  const entry: Cached = {
    columns: sheet.columns,
    checks: sheet.checks,
    footer: sheet.footer,
    key,
    ctx,
  };
  byRows.set(rows, entry);
  byColumns.set(sheet.columns, entry);
  return ctx;
}

/** Whether two versions of a row agree on everything `structureKey` reads. */
function sameStructure(a: Row, b: Row): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.level === b.level &&
    a.part === b.part &&
    String(a.cells.tt ?? '') === String(b.cells.tt ?? '') &&
    (a.rule ?? '') === (b.rule ?? '') &&
    (a.totalSource ?? '') === (b.totalSource ?? '')
  );
}

/**
 * After a step that changed only the `changed` rows of a sheet (same rows in the same order): the
 * sheet after shares the cached context of the sheet before when no changed row touched what the
 * context's structure key reads, the context `sheetContext` would find by that key anyway (an edit
 * then costs the changed rows, not a hash of every row).
 */
export function carryContext(
  before: AppendixSheet,
  after: AppendixSheet,
  changed: readonly { before?: Row | null; after?: Row | null }[],
): void {
  if (before.rows === after.rows || before.rows.length !== after.rows.length) return;
  if (
    before.columns !== after.columns ||
    before.checks !== after.checks ||
    before.footer !== after.footer
  )
    return;
  const hit = byRows.get(before.rows);
  if (!hit || byRows.has(after.rows)) return;
  for (const ch of changed)
    if (!ch.before || !ch.after || !sameStructure(ch.before, ch.after)) return;
  byRows.set(after.rows, hit);
}
