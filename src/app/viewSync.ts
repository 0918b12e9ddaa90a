/** Which steps may move projects between units (the unit view then rewrites its helper column). */
import type { Id } from '../domain/types';
import type { Command } from './commands';

/** Whether a step may have moved projects of a sheet between units (lead edits, row changes). */
export function touchesUnits(cmd: Command, sheetId: Id): boolean {
  switch (cmd.type) {
    case 'batch':
      return cmd.commands.some((c) => touchesUnits(c, sheetId));
    case 'setCells':
      return cmd.sheetId === sheetId && cmd.changes.some((c) => c.colId === 'lead');
    case 'insertRows':
    case 'deleteRows':
    case 'moveRows':
    case 'reshape':
      return cmd.sheetId === sheetId;
    case 'addSheet':
    case 'removeSheet':
      return true;
    default:
      return false;
  }
}
