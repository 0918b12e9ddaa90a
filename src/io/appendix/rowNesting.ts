/**
 * How the rows of a table nest, as its numbering says: the open sections and their numbering
 * styles, and the *of which* blocks (the rows under `Trong đó:` that break a row down, where they
 * end and how their parts nest).
 */
import {
  DEEP,
  isSectionNumbering,
  numbersDeeper,
  type Style,
  styleOf,
} from '../../domain/rowNumbering';
import type { Row } from '../../domain/types';
import { isOfWhichLabel, isRatioLabel, isTotalLabel } from './rowKinds';
import { type Ctx, hasFigures } from './rowFigures';
import { continuesLabel, figuresBelow, MAX_JOINED_LINES } from './splitLines';
import { field, isUpper } from './tableLines';

/** An open of-which block: the row it breaks down, its level, and the styles seen inside it. */
export interface OfWhichBlock {
  owner: Row;
  ownerStyle: Style | null;
  ownerNo: number;
  styles: Style[];
}

/** The nesting of a table read so far, row by row. */
export interface Nesting {
  /** numbering styles in order of appearance */
  styles: Style[];
  /** numbering style of the open section at each level */
  stack: Style[];
  /** level of the innermost section so far */
  level: number;
  block: OfWhichBlock | null;
  /** the style of each row's number cell (null: the row has none) */
  numberStyleOf: Map<Row, Style | null>;
}

/** The nesting of a table before its first row. */
export function startNesting(): Nesting {
  return { styles: [], stack: [], level: -1, block: null, numberStyleOf: new Map() };
}

/** The number of a row's number cell (`3.` → 3; NaN when it is no arabic number). */
export function numberOf(tt: string): number {
  return Number(tt.replace(/[.)]$/, ''));
}

/**
 * Whether a row ends the open of-which block: a total row, a row numbered like its owner's next
 * sibling or above (a bullet: like an open section), or an unnumbered upper-case heading with
 * figures after unnumbered parts.
 */
export function endsBlock(
  n: Nesting,
  style: Style | null,
  no: number,
  label: string,
  hasNumbers: boolean,
): boolean {
  const block = n.block;
  if (!block) return false;
  const rank = style ? n.styles.indexOf(style) : -1;
  const ownerRank = block.ownerStyle ? n.styles.indexOf(block.ownerStyle) : -1;
  // a bullet (`-`, `+`) is written at any depth, a list's items under a section as a block's
  // parts: it totals nothing (`- Tổng số thu` is a part), and stands above the owner only as the
  // style of a section still open above it, never for where it was first seen
  const bullet = style === 'dash' || style === 'plus';
  return (
    (isTotalLabel(label) && !bullet) ||
    (bullet ? n.stack.includes(style) : rank >= 0 && ownerRank >= 0 && rank < ownerRank) ||
    (style !== null &&
      style === block.ownerStyle &&
      (style !== 'arabic' || no === block.ownerNo + 1)) ||
    (!style && !block.styles.length && !isOfWhichLabel(label) && hasNumbers && isUpper(label))
  );
}

/**
 * A part of the open of-which block, at its owner's level plus one plus the depth of its style in
 * the block (a part numbered one style deeper than the part above it makes that one its heading).
 */
export function blockPart(
  n: Nesting,
  block: OfWhichBlock,
  out: Row[],
  style: Style | null,
  id: string,
  cells: Row['cells'],
): Row {
  const inner = style ? block.styles.indexOf(style) : -1;
  if (style && inner < 0) block.styles.push(style);
  const depth = style ? block.styles.indexOf(style) : block.styles.length;
  // a part numbered one style deeper than the part above it is a part of that part (`II`
  // then `1`, `2`): that one heads them, as a section heads its items
  const above = out[out.length - 1];
  if (
    style &&
    depth > 0 &&
    above?.part === 'ofWhich' &&
    above.kind === 'project' &&
    n.numberStyleOf.get(above) === block.styles[depth - 1]
  )
    above.kind = 'section';
  return {
    id,
    kind: 'project',
    // (under a total row, which nests nothing, the parts stand at its level)
    level: block.owner.level + (block.owner.kind === 'total' ? 0 : 1) + Math.max(0, depth),
    part: 'ofWhich',
    cells,
  };
}

/** Opens an of-which block on `owner` (the row a `Trong đó:` line breaks down). */
export function openBlock(n: Nesting, owner: Row): OfWhichBlock {
  if (owner.kind === 'project') owner.kind = 'section';
  n.block = {
    owner,
    ownerStyle: n.numberStyleOf.has(owner)
      ? n.numberStyleOf.get(owner)!
      : styleOf(String(owner.cells.tt ?? '')),
    ownerNo: numberOf(String(owner.cells.tt ?? '')),
    styles: [],
  };
  return n.block;
}

/**
 * Whether the row on line `k` (numbered in `style`) heads the rows below it: the next line is
 * numbered one style deeper, or (for a row not numbered in a deep style) is an unnumbered line
 * with figures, breaking it down.
 */
export function headsRowsBelow(
  c: Ctx,
  data: number[],
  numbered: (Style | null)[],
  k: number,
  name: string,
  style: Style | null,
): boolean {
  // the next line of the table, past the lines that continue this row's label
  let m = k + 1;
  while (
    m < data.length &&
    m <= k + MAX_JOINED_LINES &&
    !hasFigures(c, data[m]) &&
    continuesLabel(c, data[m], name, true)
  )
    m++;
  const following = data[m];
  const nextTt = following !== undefined ? field(c, following, 'number') : '';
  const next = nextTt ? numbered[m] : null;
  const nextName = following !== undefined ? field(c, following, 'name') : '';
  // an unnumbered line with figures under a numbered item breaks that item down
  const unnumberedBelow =
    following !== undefined &&
    !nextTt &&
    !!nextName &&
    !isTotalLabel(nextName) &&
    !isRatioLabel(nextName) &&
    !isOfWhichLabel(nextName) &&
    // its figures may stand on a line below it (a wrapped name)
    hasFigures(c, data[figuresBelow(c, data, m)?.at ?? m]);
  return numbersDeeper(style, next) || (style !== null && !DEEP.includes(style) && unnumberedBelow);
}

/**
 * A row outside any of-which block, nested as its numbering says: a row numbered like an open
 * section is its sibling; any other row nests in the innermost. A section opens a level.
 */
export function nestedRow(
  n: Nesting,
  style: Style | null,
  deeper: boolean,
  lead: string,
  id: string,
  cells: Row['cells'],
): Row {
  const section = isSectionNumbering(style, deeper, lead);
  const { stack } = n;
  const at = style ? stack.lastIndexOf(style) : -1;
  const lvl = at >= 0 ? at : n.level + 1;
  let row: Row;
  if (section) {
    stack.length = lvl;
    stack[lvl] = style!;
    n.level = lvl;
    row = { id, kind: 'section', level: lvl, cells };
  } else {
    if (at >= 0) {
      stack.length = at;
      n.level = at - 1;
    }
    row = { id, kind: 'project', level: lvl, cells };
  }
  if (style && !n.styles.includes(style)) n.styles.push(style);
  return row;
}
