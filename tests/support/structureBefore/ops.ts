/**
 * FROZEN (2026-12-02, before #20's structural steps read only the stretch they changed): the row
 * edits, the references followed and the numbering of domain/ops.ts and domain/numbering.ts, the
 * oracle of src/app/structureDelta.test.ts. Every list is read whole.
 */
import { remapFormulaRows } from '../../../src/domain/formulaRefs';
import { normaliseLevels } from '../../../src/domain/rows';
import type { NumberingScheme } from '../../../src/domain/numbering';
import { numberOf } from '../../../src/domain/numbering';
import type { AppendixSheet, CellInput, Id, Row } from '../../../src/domain/types';

const indexOf = (rows: readonly Row[]) => new Map(rows.map((r, i) => [r.id, i]));

export function rowMapBefore(
  before: readonly Row[],
  after: readonly Row[],
): (row: number) => number | null {
  const now = indexOf(after);
  const shift = after.length - before.length;
  return (r) => {
    if (r < 0) return null;
    if (r >= before.length) return r + shift;
    return now.get(before[r].id) ?? null;
  };
}

const namesSheet = (name: string) => {
  const want = name.trim().toLowerCase();
  return (sheet: string | undefined) => sheet !== undefined && sheet.trim().toLowerCase() === want;
};

function remapRows(
  rows: readonly Row[],
  map: (row: number) => number | null,
  which: (sheet: string | undefined) => boolean,
  skip?: ReadonlyMap<Id, number>,
): Row[] {
  let out: Row[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (skip && !skip.has(r.id)) continue;
    let cells: Record<Id, CellInput> | undefined;
    for (const k in r.cells) {
      const v = r.cells[k];
      if (typeof v !== 'string' || !v.startsWith('=')) continue;
      const f = remapFormulaRows(v, map, which);
      if (f !== v) (cells ??= { ...r.cells })[k] = f;
    }
    if (cells) (out ??= rows.slice())[i] = { ...r, cells };
  }
  return out ?? (rows as Row[]);
}

export function followRowsBefore(before: readonly Row[], after: Row[], name?: string): Row[] {
  const own = name === undefined ? () => false : namesSheet(name);
  return remapRows(
    after,
    rowMapBefore(before, after),
    (sheet) => sheet === undefined || own(sheet),
    indexOf(before),
  );
}

function withoutBlanks(r: Row): Row {
  const blank = Object.keys(r.cells).filter((k) => r.cells[k] === null || r.cells[k] === '');
  if (!blank.length) return r;
  const cells = { ...r.cells };
  for (const k of blank) delete cells[k];
  return { ...r, cells };
}

export function insertRowsBefore(s: AppendixSheet, at: number, newRows: readonly Row[]) {
  const rows = s.rows.slice(0, at);
  for (const r of newRows) rows.push(withoutBlanks(r));
  for (let i = at; i < s.rows.length; i++) rows.push(s.rows[i]);
  return { ...s, rows: followRowsBefore(s.rows, normaliseLevels(rows), s.name) };
}

export function deleteRowsBefore(s: AppendixSheet, ids: readonly Id[]): AppendixSheet {
  const drop = new Set(ids);
  const rows = normaliseLevels(s.rows.filter((r) => !drop.has(r.id)));
  return { ...s, rows: followRowsBefore(s.rows, rows, s.name) };
}

export function moveRowsBefore(s: AppendixSheet, from: number, count: number, to: number) {
  const rows = s.rows.slice();
  const block = rows.splice(from, count);
  rows.splice(to, 0, ...block);
  return { ...s, rows: followRowsBefore(s.rows, normaliseLevels(rows), s.name) };
}

export function renumberBefore(rows: readonly Row[], scheme: NumberingScheme, all = false): Row[] {
  // how many sections / projects of each level the current parent has numbered so far (a
  // bulleted project between two subsections takes no number from them)
  const counted = { section: [] as number[], project: [] as number[] };
  const path: number[] = [];
  // the punctuation after numbers (`1.`, `a)`) last seen per kind and depth: new rows take it
  const punct = new Map<string, string>();
  // a scheme counting straight through: projects right under a section share one counter
  const kinds: Row['kind'][] = [];
  let through = 0;
  return rows.map((r) => {
    // total rows and *of which* / ratio lines are not counted among their siblings
    if (r.kind === 'total' || r.part) return r;
    counted.section.length = Math.min(counted.section.length, r.level + 1);
    counted.project.length = Math.min(counted.project.length, r.level + 1);
    path.length = r.level;
    kinds.length = r.level;
    kinds[r.level] = r.kind;
    const counters = counted[r.kind];
    counters[r.level] = (counters[r.level] ?? 0) + 1;
    const underSection =
      r.kind === 'project' && (r.level === 0 || kinds[r.level - 1] === 'section');
    const k = scheme.through && underSection ? ++through : counters[r.level];
    if (r.kind === 'section') path[r.level] = k;
    if (r.manualNumber && !all) return r;
    const styles = r.kind === 'section' ? scheme.sections : scheme.projects;
    // a project's style is read by how deep it sits below its section
    const depth = r.kind === 'section' ? r.level : Math.max(0, r.level - 1);
    const style = styles[Math.min(depth, styles.length - 1)] ?? 'arabic';
    const bare = numberOf(style, k, path.slice(0, r.level));
    const had = String(r.cells.tt ?? '').trim();
    const m = /^(.+?)([.)])$/.exec(had);
    const key = `${r.kind}${depth}`;
    if (m) punct.set(key, m[2]);
    else if (had) punct.set(key, '');
    if ((m ? m[1] : had) === bare && r.cells.tt === had && !r.manualNumber) return r;
    const bullet = style === 'dash' || style === 'plus';
    const want = bullet ? bare : bare + (m ? m[2] : (punct.get(key) ?? ''));
    const { manualNumber: _m, ...rest } = r;
    void _m;
    return { ...rest, cells: { ...r.cells, tt: want } };
  });
}
