/** Frozen at de7987a (before h140: figures written into the row's cells, numbers' cells in NumberCells): the oracle of src/io/appendix/readingRowsSame.test.ts. Test support only. */
/**
 * The cells of a streamed worksheet's values, as xlsxRows reads them: a value of a type shown in a
 * number format (the text SheetJS shows it as, the format kept for numbers). Cells are never
 * changed once made, so a value that repeats in one format is one cell: a shared string's, and a
 * number's once its format is in use (figures repeat: round amounts, zeros).
 */
import type { RawCell } from '../../../src/io/appendix/grid';
import { rawCell } from '../../../src/io/xlsxCell';
import type { FormatTable } from '../../../src/io/xlsxText';

/** Distinct numbers whose cells are kept per format (a bound on the memory a file can take). */
const NUMBER_CELLS = 1 << 16;

export class ValueCells {
  /** The cell of each shared string (by index) in each format id. */
  private readonly textCells: RawCell[][] = [];
  /** The cell of each number (by value) in each format id once that format is used. */
  private readonly numberCells: Map<number, RawCell>[] = [];
  /** The format of each id once used (the table then holds it for good). */
  private readonly used: (string | undefined)[] = [];

  constructor(
    private readonly strings: readonly (string | undefined)[],
    private readonly formats: FormatTable,
  ) {}

  /** Shared string `i`'s cell in format `fmtid` (the index checked by the caller). */
  text(i: number, fmtid: number): RawCell {
    const cells = (this.textCells[fmtid] ??= new Array<RawCell>(this.strings.length));
    return (cells[i] ??= this.made('s', this.strings[i], undefined, fmtid, undefined));
  }

  /**
   * A number's cell in format `fmtid`: made once per value once the format is in use (its first
   * cell may carry the format as the table held it before); -0 and NaN (one Map key with 0, with
   * each other) are made each time, and a format's map stops growing at NUMBER_CELLS values.
   */
  number(value: number, fmtid: number): RawCell {
    if (this.used[fmtid] === undefined || value !== value || Object.is(value, -0))
      return this.made('n', value, undefined, fmtid, undefined);
    const cells = (this.numberCells[fmtid] ??= new Map());
    let cell = cells.get(value);
    if (cell === undefined) {
      cell = this.made('n', value, undefined, fmtid, undefined);
      if (cells.size < NUMBER_CELLS) cells.set(value, cell);
    }
    return cell;
  }

  /** The cell of a value of type `t` (text: an error's), shown in format `fmtid`. */
  made(
    t: string,
    value: number | string | boolean | undefined,
    text: string | undefined,
    fmtid: number,
    f: string | undefined,
  ): RawCell {
    let z = this.used[fmtid];
    if (z === undefined) {
      // the first use of an id may load its format after the cell took the table's (none)
      z = this.formats.code(fmtid);
      this.formats.use(fmtid);
      this.used[fmtid] = this.formats.code(fmtid);
    }
    if (t !== 'e' && value !== undefined) text = this.formats.render(fmtid, value) ?? undefined;
    return rawCell(
      text ?? (value === undefined || value === null ? '' : String(value)),
      value,
      f || undefined,
      typeof z === 'string' && t === 'n' && z !== 'General' ? z : undefined,
    );
  }
}
