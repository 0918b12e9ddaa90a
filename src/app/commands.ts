/** Commands and refusals as the app and the UI use them (defined, and applied purely, in domain/). */
import { parseInput } from '../domain/policy';
import type { CellInput, ColumnLeaf } from '../domain/types';

export { applyCommand, type Command, type Shape, validateCells } from '../domain/commands';
export { CommandRefused, type Refusal, type RefusalCode } from '../domain/refusals';

/** Reads what a user typed or pasted into a cell of the given column (see `parseInput`). */
export function parseCellInput(text: string, column: ColumnLeaf): CellInput | { invalid: string } {
  return parseInput(text, column);
}
