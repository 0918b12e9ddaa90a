/**
 * The cells both .xlsx readers give (the streaming one, xlsxRows.ts, and SheetJS's fallback,
 * sheets.ts): one shape for every cell, the same four fields in the same order (absent =
 * undefined), so property reads downstream see one shape; and the small vocabulary of cell
 * values they share.
 */
import type { RawCell } from './appendix/grid';

/** A cell of the one shape (`bold` is added after, by the SheetJS reader only, when true). */
export function rawCell(
  text: string,
  value: RawCell['value'],
  formula: string | undefined,
  format: string | undefined,
): RawCell {
  return { text, value, formula, format };
}

/** A blank cell (holes and stubs: SheetJS keeps styled empty cells as stubs); shared, frozen. */
export const BLANK: RawCell = Object.freeze(rawCell('', undefined, undefined, undefined));

/** An xlsx boolean attribute or value (`1`, `true`). */
export const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** The codes SheetJS gives error values (`#DIV/0!` → 7), as its cells' `v`. */
export const CELL_ERRORS: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
  '#WTF?': 0xff,
};
