/**
 * The rows a paste adds below the last row: each pasted line's kind by the domain's numbering
 * rule (domain/rowNumbering.ts, the import reader's), sections nesting the lines after them.
 */
import { isNumericLeaf } from '../domain/columns';
import { type PastedLine, pastedRowKind, styleOf } from '../domain/rowNumbering';
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

/**
 * New rows for lines `from`… of `m` pasted below `prev` (the row before them, if any): sections
 * where the numbering rule finds them (a pasted `1` sibling of an earlier pasted `1` at its level),
 * projects one level below the last pasted section, else at the level the last row's items have.
 * `ls`: the leaves the block lands on, from its first column.
 */
export function pastedRows(
  m: PastedBlock,
  from: number,
  ls: readonly ColumnLeaf[],
  prev: Row | undefined,
): Row[] {
  const base = prev ? (prev.kind === 'section' ? prev.level + 1 : prev.level) : 0;
  const stack: string[] = []; // numbering style of the sections this paste opened, by depth
  let itemLevel = base;
  const out: Row[] = [];
  for (let i = from; i < m.length; i++) {
    const line = lineOf(m, i, ls);
    const next = i + 1 < m.length ? lineOf(m, i + 1, ls) : undefined;
    if (pastedRowKind(line, next) === 'section') {
      const style = styleOf(line.tt) ?? '';
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
