/**
 * The rows a paste adds below the last row: each pasted line's kind by the domain's numbering
 * rule (domain/rowNumbering.ts, the import reader's), its number read in the sequence of the
 * plan's numbers around it as the import reads a table's, sections nesting the lines after them.
 */
import { isNumericLeaf } from '../domain/columns';
import { lineStyle, type PastedLine, pastedRowKind, sequenceStyles } from '../domain/rowNumbering';
import { makeRow } from '../domain/template';
import { asPasted, type PastedBlock } from '../domain/typedText';
import type { ColumnLeaf, Row } from '../domain/types';

/** A pasted cell's text, trimmed ('' when blank). */
function textOf(m: PastedBlock, i: number, j: number): string {
  const cell = m[i]?.[j];
  return cell === undefined ? '' : asPasted(cell).text.trim();
}

/** Line `i` of `m` as the numbering rule reads it, `ls` the leaves from the paste's first column. */
function lineOf(m: PastedBlock, i: number, ls: readonly ColumnLeaf[]): PastedLine {
  const by = (role: ColumnLeaf['role']) => {
    const j = ls.findIndex((l) => l.role === role);
    return j < 0 ? '' : textOf(m, i, j);
  };
  const figure = (amount: boolean) =>
    ls.some(
      (l, j) => isNumericLeaf(l) && (l.role === 'amount') === amount && textOf(m, i, j) !== '',
    );
  return {
    tt: by('number'),
    name: by('name'),
    lead: by('lead'),
    amounts: figure(true),
    stated: figure(false),
  };
}

/** A row's number as written ('' when none). */
const numberOf = (r: Row) => String(r.cells.tt ?? '');

/**
 * Lines of `m` as the numbering rule reads them, each number's style read in the sequence of the
 * plan's numbers after the paste: the rows above, the lines laid on rows (their numbers in place
 * of the rows' when the block covers the number column), the lines added, the rows below.
 * `rows`: the plan's rows, `insertAt` where lines `from`… go in.
 */
export function pastedLines(
  m: PastedBlock,
  from: number,
  ls: readonly ColumnLeaf[],
  rows: readonly Row[],
  insertAt: number,
): PastedLine[] {
  const lines = m.map((_, i) => lineOf(m, i, ls));
  const numbers = ls.some((l) => l.role === 'number');
  const top = insertAt - from; // the row the block's first line lands on
  const styles = sequenceStyles([
    ...rows.slice(0, top).map(numberOf),
    ...lines.slice(0, from).map((l, i) => (numbers ? l.tt : numberOf(rows[top + i]))),
    ...lines.slice(from).map((l) => l.tt),
    ...rows.slice(insertAt).map(numberOf),
  ]);
  return lines.map((l, i) => ({ ...l, style: styles[top + i] }));
}

/**
 * New rows for lines `from`… of `m` pasted into `rows` at `insertAt` (below the last row before
 * the totals): sections where the numbering rule finds them (a pasted `1` sibling of an earlier
 * pasted `1` at its level), projects one level below the last pasted section, else at the level
 * the last row's items have. `ls`: the leaves the block lands on, from its first column.
 */
export function pastedRows(
  m: PastedBlock,
  from: number,
  ls: readonly ColumnLeaf[],
  rows: readonly Row[],
  insertAt: number,
): Row[] {
  const prev = rows[insertAt - 1] as Row | undefined;
  const base = prev ? (prev.kind === 'section' ? prev.level + 1 : prev.level) : 0;
  const lines = pastedLines(m, from, ls, rows, insertAt);
  const stack: string[] = []; // numbering style of the sections this paste opened, by depth
  let itemLevel = base;
  const out: Row[] = [];
  for (let i = from; i < m.length; i++) {
    const line = lines[i];
    if (pastedRowKind(line, lines[i + 1]) === 'section') {
      const style = lineStyle(line) ?? '';
      const at = stack.lastIndexOf(style);
      const depth = at >= 0 ? at : stack.length;
      stack.length = depth;
      stack[depth] = style;
      out.push(makeRow('section', base + depth, {}));
      itemLevel = base + depth + 1;
    } else out.push(makeRow('project', itemLevel, { tt: '-' }));
  }
  return out;
}
