/**
 * The cells of the numbers of one number format, by value: an open-addressing table over a
 * Float64Array of keys (a worksheet's figures are looked up once per cell: a Map keyed by numbers
 * hashed and probed slower). Keys are compared with `===`: NaN and -0 are never kept (the caller
 * makes their cells each time, as it did with a Map, where -0 is 0's key and NaN is NaN's).
 */
import type { RawCell } from './appendix/grid';

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A table of cells by number, growing by doubling (half full at most). */
export class NumberCells {
  /** Numbers kept. */
  size = 0;
  private mask = 63;
  private keys = new Float64Array(64);
  private cells: (RawCell | undefined)[] = new Array<RawCell | undefined>(64);

  /** Slot of `value` (its cell there, or the empty slot it would take). */
  private slot(value: number): number {
    bits[0] = value;
    let h = Math.imul(words[0] ^ Math.imul(words[1], 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    const mask = this.mask;
    let i = h & mask;
    const keys = this.keys;
    const cells = this.cells;
    while (cells[i] !== undefined && keys[i] !== value) i = (i + 1) & mask;
    return i;
  }

  /** The cell kept for `value` (not NaN nor -0), undefined when none. */
  get(value: number): RawCell | undefined {
    return this.cells[this.slot(value)];
  }

  /** Keeps `cell` for `value` (not NaN nor -0; not kept yet). */
  set(value: number, cell: RawCell): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const i = this.slot(value);
    this.keys[i] = value;
    this.cells[i] = cell;
    this.size++;
  }

  private grow(): void {
    const keys = this.keys;
    const cells = this.cells;
    const n = (this.mask + 1) * 2;
    this.mask = n - 1;
    this.keys = new Float64Array(n);
    this.cells = new Array<RawCell | undefined>(n);
    for (let i = 0; i < keys.length; i++) {
      const cell = cells[i];
      if (cell === undefined) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.cells[j] = cell;
    }
  }
}
