/**
 * A term a label rule names in words (`C = A - B - kết dư NSĐP`) is no row of the table: the note
 * below it that names the same words and states one amount gives its figure (Final_2013 M01+:
 * `(3) … (kết dư NSĐP) là 43.123 tỷ đồng`). Only such a note makes the rule checkable.
 */
import { noteFigures } from './checkNotes';
import type { LabelRule } from './labelRules';
import { parseAmount } from './numbers';
import { fold } from './sources';

const UNIT_WORD = /^\s*(ty|trieu|nghin|ngan|dong)\b/;
/** A table in a smaller unit than the note's (`tỷ` in a table in đồng: ×1,000,000,000). */
const SMALLER: Record<string, number[]> = {
  ty: [1e6, 1e9],
  trieu: [1e6],
  nghin: [1e3],
  ngan: [1e3],
};
const MARKER = /^\s*(?:ghi chu\s*:?\s*)?(\(\s*(?:\d{1,2}|\*{1,3})\s*\))/;

/**
 * The figures the note naming `name` may mean, in the table's unit: the note's one amount, read as
 * Vietnamese and as English (`43.123`) and, where it writes a unit (`tỷ đồng`), also ×1000 and
 * ÷1000 where that is 1 or more, and in the smaller units it may be (a note in tỷ beside a table in
 * đồng: ×1,000,000,000; the table's unit is not the sheet's to know). Empty when no one note line names it, or
 * the line states no amount or several. `marks`: the markers the row's figures carry (`(3)`):
 * among several lines naming it, the one they point to.
 */
export function noteTerm(
  footer: readonly string[],
  name: string,
  marks: readonly string[] = [],
): number[] {
  const key = fold(name);
  if (key.length < 3) return [];
  let lines = footer.filter((l) => fold(l).includes(key));
  if (lines.length > 1) {
    const pointed = new Set(marks.map((m) => m.replace(/\s/g, '')));
    lines = lines.filter((l) => {
      const m = MARKER.exec(fold(l));
      return !!m && pointed.has(m[1].replace(/\s/g, ''));
    });
  }
  if (lines.length !== 1) return [];
  const line = lines[0];
  const figures = noteFigures(line);
  if (figures.length !== 1) return [];
  const { text, end } = figures[0];
  const unit = UNIT_WORD.exec(fold(line.slice(end)))?.[1];
  const out = new Set<number>();
  for (const x of [parseAmount(text, 'vi'), parseAmount(text, 'en')]) {
    if (x === null) continue;
    out.add(x);
    // a reading in another unit too small to count (under 1) would let the rule hold without it
    if (unit)
      for (const k of [1000, 1 / 1000, ...(SMALLER[unit] ?? [])]) if (x * k >= 1) out.add(x * k);
  }
  return [...out];
}

/**
 * The figures a label rule's terms named in words add, signed, each way the note may read them
 * (one such term only: several would multiply the readings), or null when no note states it.
 * `marks`: the row's footnote markers by column.
 */
export function notedTerms(
  footer: readonly string[],
  named: NonNullable<LabelRule['named']>,
  marks: Readonly<Record<string, string>> = {},
): number[] | null {
  if (named.length !== 1) return null;
  const xs = noteTerm(footer, named[0].name, Object.values(marks));
  return xs.length ? xs.map((x) => named[0].sign * x) : null;
}
