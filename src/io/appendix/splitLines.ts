/**
 * A row written over several lines, as an officer reads it: a label going on below its row (a
 * tail in lower case, an English line under a Vietnamese one, the second line of a heading), and a
 * numbered name wrapped with its figures on the line below. Both rules live here, read by rows.ts.
 */
import {
  isEnglishLine,
  isFooterLine,
  isOfWhichLabel,
  isRatioLabel,
  isTotalLabel,
  isVietnamese,
} from './rowKinds';
import { type Ctx, hasFigures } from './rowFigures';
import { field, isUpper } from './tableLines';

/**
 * Lines joined to one label at most: a label is split over two or three lines (a Vietnamese line,
 * then English ones), never dozens; past this the lines are rows of their own (and a damaged file
 * repeating one line 100,000 times is not joined into one label, in quadratic time).
 */
export const MAX_JOINED_LINES = 8;

/** A label stopping on a joining word or mark (`BẮC TRUNG BỘ VÀ` / `DUYÊN HẢI …`): it goes on. */
const endsOnJoin = (label: string) =>
  /(\s(và|của|cho|các|trong|theo|về|tại|với|thuộc|giai đoạn|từ|va|cua|cac|thuoc|giai doan)|[,&-])$/i.test(
    label.trim(),
  );

/**
 * Whether line r (without figures) continues the label `above` of the row before it: a tail in
 * lower case, an English line under a Vietnamese one, a line after a label stopping on a joining
 * word, or the second line of an upper-case heading (`aboveIsItem`: never after an item's label).
 */
export function continuesLabel(c: Ctx, r: number, above: string, aboveIsItem: boolean): boolean {
  const name = field(c, r, 'name');
  const tt = field(c, r, 'number');
  if (!name || field(c, r, 'lead') || field(c, r, 'coord') || (tt && tt !== '-')) return false;
  if (isOfWhichLabel(name) || isFooterLine(name)) return false;
  return (
    /^[a-zà-ỹđ(]/.test(name) ||
    isEnglishLine(name) ||
    endsOnJoin(above) ||
    (isUpper(name) && isUpper(above) && !aboveIsItem)
  );
}

/** A bullet typed at the start of a name (`- Thu thuế`, `+ Dự án`): the line's own marker. */
const BULLET = /^\s*[-–+•*]\s/;

/** A label that is a row kind of its own (total, of which, ratio, notes below), never a name part. */
const ownKind = (name: string) =>
  isTotalLabel(name) || isOfWhichLabel(name) || isRatioLabel(name) || isFooterLine(name);

/** Whether line r has a lead unit, a coordinator or notes. */
const hasTexts = (c: Ctx, r: number) =>
  !!(field(c, r, 'lead') || field(c, r, 'coord') || field(c, r, 'notes'));

/** Whether line r's name cell is merged down over line f (a name spanning both). */
function mergedDown(c: Ctx, r: number, f: number): boolean {
  const cols = c.specs.find((s) => s.leaf.role === 'name')?.cols ?? [];
  return c.g.merges.some(
    (x) => x.r0 === r && x.r1 >= f && cols.some((col) => x.c0 <= col && col <= x.c1),
  );
}

/** Whether line r is an unnumbered, unbulleted line with a name and figures (a listed project). */
function listed(c: Ctx, r: number | undefined): boolean {
  if (r === undefined || field(c, r, 'number') || !hasFigures(c, r)) return false;
  const name = field(c, r, 'name');
  return !!name && !BULLET.test(name) && !ownKind(name) && !isEnglishLine(name);
}

/**
 * A name wrapped with its figures below: line `data[k]` has a name (most often after a number or
 * a bullet) but no figures; the lines after it continue its name, the last of them (no number, no
 * bullet) carrying the figures. Its lead unit, coordinator and notes stand on the first line or on
 * the line of the figures, never on both (then each line is a row of its own). A name goes on when the next line
 * starts in lower case (the line above not closed by `:` `.` `;`) or the line above stops on a
 * joining word; an English line under a Vietnamese one is its translation (joined by ` / `, as
 * `continuesLabel` joins it when the figures stand above). Not joined: a heading over its first
 * unnumbered project or over a list of them (the line after is another unnumbered one with
 * figures), `-`/`+` children, totals, *of which* and ratio lines. Returns the index in `data` of
 * the line with the figures, the name joined, the lines joined to it and the line of its lead unit
 * and notes; null if none.
 */
export function figuresBelow(
  c: Ctx,
  data: readonly number[],
  k: number,
): { at: number; name: string; lines: number; texts: number } | null {
  const r = data[k];
  if (hasFigures(c, r)) return null;
  let name = field(c, r, 'name');
  if (!name || ownKind(name) || isEnglishLine(name)) return null;
  const own = hasTexts(c, r);
  for (let m = k + 1; m < data.length && m - k <= MAX_JOINED_LINES; m++) {
    const f = data[m];
    const numbered = !!field(c, f, 'number');
    const next = numbered ? '' : field(c, f, 'name');
    // a name cell merged down over this line: the name goes on, nothing written here
    const english = !!next && isEnglishLine(next);
    if (next || numbered || !mergedDown(c, r, f)) {
      if (!next || BULLET.test(next) || ownKind(next)) return null;
      const goesOn = (/^\p{Ll}/u.test(next) && !/[:.;]$/.test(name)) || endsOnJoin(name);
      if (!goesOn && (own || !english || !isVietnamese(name))) return null;
      name = `${name}${goesOn ? ' ' : ' / '}${next}`;
    }
    const figures = hasFigures(c, f);
    // the texts stand on one line: the first or the one with the figures
    if (hasTexts(c, f) && (own || !figures)) return null;
    if (figures)
      return listed(c, data[m + 1]) ? null : { at: m, name, lines: m - k, texts: own ? r : f };
    if (english) return null;
  }
  return null;
}
