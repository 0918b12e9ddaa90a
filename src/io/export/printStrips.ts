/**
 * A wide table printed in strips of columns: when one page wide would shrink it below a
 * comfortable size, the sheet prints at a fixed scale in strips broken only where the caller
 * allows (between years, or between year × source groups when a year alone is too wide), the
 * identifying columns repeated on every strip (print titles).
 *
 * Widths are Excel column widths (digits of the 12 pt Times New Roman default font); a column
 * prints `width × 8 + 5` pixels wide (LibreOffice and Excel alike), a pixel being ¾ point.
 */

/** Printable width of A4 landscape between 0.4-inch margins, in points. */
export const A4_LANDSCAPE_WIDTH = (297 / 25.4 - 0.8) * 72;

/** A table that prints one page wide at this scale or more keeps that setup (fraction of 1). */
export const FIT_SCALE = 0.85;

/**
 * The smallest scale a strip prints at (fraction of 1): 12 pt body text prints at 8.4 pt or more,
 * the smallest type of a printed appendix an officer reads without a lens.
 */
export const MIN_SCALE = 0.7;

/** How the sheet prints: one page wide (`scale` null) or at `scale` % in strips. */
export interface StripPlan {
  /** Whole percent, or null to print one page wide (fitToWidth). */
  scale: number | null;
  /** 0-based index of each strip's first column after the first strip (Excel's column breaks). */
  breaks: number[];
}

/** Points a column of Excel width `width` prints across at 100 %. */
export function columnWidthPoints(width: number): number {
  return (width * 8 + 5) * 0.75;
}

/** What the strips are cut from. */
export interface StripInput {
  /** Every column's Excel width. */
  widths: number[];
  /** Leading columns repeated on every strip (print titles): TT and name. */
  titles: number;
  /** Leading columns on the first strip only before the first group (titles included). */
  lead: number;
  /** Column indexes where a strip may start, best first: years; the finer ones when a year won't fit. */
  cuts: number[];
  fine?: number[];
  /** Printable width in points (A4 landscape unless told). */
  page?: number;
}

const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);

/**
 * The print plan of a wide table: one page wide when that prints at FIT_SCALE or more; otherwise
 * the fewest strips that print at MIN_SCALE or more (cut where `cuts` allow, at `fine` cuts inside
 * a unit too wide alone), printed at the largest whole percent (≤ 100) those strips allow.
 */
export function planStrips(input: StripInput): StripPlan {
  const page = input.page ?? A4_LANDSCAPE_WIDTH;
  const pts = input.widths.map(columnWidthPoints);
  // 1 % to spare: a strip LibreOffice finds a hair too wide would get a break of its own
  const room = page * 0.99;
  if (room / sum(pts) >= FIT_SCALE) return { scale: null, breaks: [] };
  const titles = sum(pts.slice(0, input.titles));
  const lead = sum(pts.slice(0, input.lead));
  const units = unitsOf(input, pts, room / MIN_SCALE - titles, lead - titles);
  const pack = (width: number) => {
    const breaks: number[] = [];
    let used = lead;
    for (const u of units) {
      if (used > (breaks.length ? titles : lead) && used + u.width > width) {
        breaks.push(u.start);
        used = titles;
      }
      used += u.width;
    }
    return breaks;
  };
  const fewest = pack(room / MIN_SCALE).length;
  // the largest scale whose packing needs no more strips (the count only grows with the scale)
  let lo = MIN_SCALE;
  let hi = 1;
  if (pack(room).length > fewest)
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (pack(room / mid).length > fewest) hi = mid;
      else lo = mid;
    }
  else lo = 1;
  const breaks = pack(room / lo);
  const starts = [input.lead, ...breaks, pts.length];
  const widest = Math.max(
    ...breaks.map((b, i) => titles + sum(pts.slice(b, starts[i + 2]))),
    lead + sum(pts.slice(input.lead, starts[1])),
  );
  return { scale: Math.min(100, Math.floor((room / widest) * 100)), breaks };
}

/**
 * The units a strip is packed from: spans between cuts, a span wider than `most` points (the
 * first, on the strip that also holds the lead columns: `first` points less) cut at the fine cuts.
 */
function unitsOf(
  input: StripInput,
  pts: number[],
  most: number,
  first: number,
): { start: number; width: number }[] {
  const at = (cuts: number[], from: number, to: number) => [
    from,
    ...cuts.filter((c) => c > from && c < to).sort((a, b) => a - b),
  ];
  const units: { start: number; width: number }[] = [];
  const coarse = [...at(input.cuts, input.lead, pts.length), pts.length];
  for (let i = 0; i + 1 < coarse.length; i++) {
    const [from, to] = [coarse[i], coarse[i + 1]];
    const width = sum(pts.slice(from, to));
    const room = i === 0 ? most - first : most;
    const parts = width > room ? [...at(input.fine ?? [], from, to), to] : [from, to];
    for (let j = 0; j + 1 < parts.length; j++)
      units.push({ start: parts[j], width: sum(pts.slice(parts[j], parts[j + 1])) });
  }
  return units;
}

/** The `<colBreaks>` element of a plan's breaks (empty when it has none). */
export function colBreaksXml(breaks: number[]): string {
  if (!breaks.length) return '';
  const brk = breaks.map((b) => `<brk id="${b}" max="1048575" man="1"/>`).join('');
  return `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brk}</colBreaks>`;
}

/** Each strip's own columns `[from, to)` (0-based; the first strip from column 0, titles included). */
export function stripRanges(plan: StripPlan, width: number): [number, number][] {
  const starts = [0, ...plan.breaks];
  return starts.map((s, i) => [s, starts[i + 1] ?? width]);
}
