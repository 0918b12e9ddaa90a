/** Which consolidated figures someone filled: a blank cell shows blank, a typed 0 shows 0. */

/**
 * Per form column, whether a figure was filled: requested when a unit typed a cell mapped to it
 * (0 typed is filled), proposed when requested is or the consolidator set it; a group's when one
 * of its projects' is. A sum of blanks is blank, a sum holding a typed 0 is 0.
 */
export interface Filled {
  requested: boolean[];
  proposed: boolean[];
}

/** The filled marks of `n` columns, all blank. */
export function blankFilled(n: number): Filled {
  return {
    requested: new Array<boolean>(n).fill(false),
    proposed: new Array<boolean>(n).fill(false),
  };
}

/** Adds a row's filled marks into a group's (a column is filled when one of its rows' is). */
export function addFilled(into: Filled, from: Filled | undefined): void {
  for (let j = 0; j < into.requested.length; j++) {
    into.requested[j] ||= from ? from.requested[j] : true;
    into.proposed[j] ||= from ? from.proposed[j] : true;
  }
}

/** Whether figure `j` of a row (`requested`/`proposed`; a difference: either) is blank. */
export function isBlank(
  filled: Filled | undefined,
  figure: 'requested' | 'proposed' | 'difference',
  j: number,
): boolean {
  if (!filled) return false;
  if (figure === 'difference') return !filled.requested[j] && !filled.proposed[j];
  return !filled[figure][j];
}

/** Whether a row's total over the form columns of a figure is blank (every column blank). */
export function isBlankRow(
  filled: Filled | undefined,
  figure: 'requested' | 'proposed' | 'difference',
): boolean {
  if (!filled) return false;
  return filled.requested.every((_, j) => isBlank(filled, figure, j));
}
