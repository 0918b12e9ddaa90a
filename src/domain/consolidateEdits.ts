/**
 * The consolidator's edits as commands, each applied with its inverse (undo is the inverse
 * applied): proposed amounts, duplicate resolutions, confirmed mappings, grouping, the display
 * unit, the submission in force for a unit, the expected units. Submissions are never edited.
 */
import type { Consolidation, Grouping, Resolution } from './consolidateTypes';
import type { SheetDisplay } from './display';
import { amountsEqual } from './numbers';

export type ConsolidationCommand =
  /** A proposed amount (null: back to the requested figure). */
  | { type: 'setProposed'; key: string; column: string; value: number | null }
  | { type: 'resolve'; pair: string; resolution: Resolution | null }
  | { type: 'setMapping'; unitKey: string; mapping: Record<string, string | null> | null }
  | { type: 'setGrouping'; grouping: Grouping }
  /** How figures show (display unit, decimals); an empty setting: the form's unit. */
  | { type: 'setDisplay'; display: SheetDisplay }
  /** The whole state but its submissions (a re-submission applied, or its undo). */
  | { type: 'replaceState'; state: Omit<Consolidation, 'id' | 'createdAt' | 'updatedAt'> }
  | { type: 'setUnits'; units: string[] }
  | { type: 'batch'; commands: ConsolidationCommand[] };

/** Why a command was refused. */
export class ConsolidationRefused extends Error {}

function without<T>(rec: Record<string, T>, key: string): Record<string, T> {
  const out = { ...rec };
  delete out[key];
  return out;
}

/** The part of a state `replaceState` carries. */
export function stateOf(c: Consolidation): Omit<Consolidation, 'id' | 'createdAt' | 'updatedAt'> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
}

/**
 * Applies a command; returns the new state and the command that undoes it. `requested(key,
 * column)` is the requested figure a proposal is compared with (equal: no proposal kept).
 */
export function applyConsolidation(
  c: Consolidation,
  cmd: ConsolidationCommand,
  requested: (key: string, column: string) => number | undefined,
): { state: Consolidation; inverse: ConsolidationCommand } {
  switch (cmd.type) {
    case 'setProposed': {
      if (cmd.value !== null && !Number.isFinite(cmd.value))
        throw new ConsolidationRefused('not a number');
      if (!c.form.columns.some((f) => f.id === cmd.column))
        throw new ConsolidationRefused('no such column');
      const own = Object.hasOwn(c.proposed, cmd.key) ? c.proposed[cmd.key] : {};
      const before = Object.hasOwn(own, cmd.column) ? own[cmd.column] : null;
      const req = requested(cmd.key, cmd.column);
      const drop = cmd.value === null || (req !== undefined && amountsEqual(req, cmd.value));
      const next = drop ? without(own, cmd.column) : { ...own, [cmd.column]: cmd.value! };
      const proposed = Object.keys(next).length
        ? { ...c.proposed, [cmd.key]: next }
        : without(c.proposed, cmd.key);
      return {
        state: { ...c, proposed },
        inverse: { type: 'setProposed', key: cmd.key, column: cmd.column, value: before },
      };
    }
    case 'resolve': {
      const before = Object.hasOwn(c.resolutions, cmd.pair) ? c.resolutions[cmd.pair] : null;
      const resolutions = cmd.resolution
        ? { ...c.resolutions, [cmd.pair]: cmd.resolution }
        : without(c.resolutions, cmd.pair);
      return {
        state: { ...c, resolutions },
        inverse: { type: 'resolve', pair: cmd.pair, resolution: before },
      };
    }
    case 'setMapping': {
      const before = Object.hasOwn(c.mappings, cmd.unitKey) ? c.mappings[cmd.unitKey] : null;
      const mappings = cmd.mapping
        ? { ...c.mappings, [cmd.unitKey]: cmd.mapping }
        : without(c.mappings, cmd.unitKey);
      return {
        state: { ...c, mappings },
        inverse: { type: 'setMapping', unitKey: cmd.unitKey, mapping: before },
      };
    }
    case 'setGrouping':
      return {
        state: { ...c, grouping: cmd.grouping },
        inverse: { type: 'setGrouping', grouping: c.grouping },
      };
    case 'setDisplay': {
      const { display: _d, ...rest } = c;
      void _d;
      const shown = Object.keys(cmd.display).length ? { display: cmd.display } : {};
      return {
        state: { ...rest, ...shown },
        inverse: { type: 'setDisplay', display: c.display ?? {} },
      };
    }
    case 'setUnits':
      return {
        state: { ...c, form: { ...c.form, units: cmd.units } },
        inverse: { type: 'setUnits', units: c.form.units },
      };
    case 'replaceState':
      return {
        state: { ...c, ...cmd.state },
        inverse: { type: 'replaceState', state: stateOf(c) },
      };
    case 'batch': {
      let state = c;
      const inverses: ConsolidationCommand[] = [];
      for (const sub of cmd.commands) {
        const r = applyConsolidation(state, sub, requested);
        state = r.state;
        inverses.unshift(r.inverse);
      }
      return { state, inverse: { type: 'batch', commands: inverses } };
    }
  }
}

/**
 * A command of the user's history carried across a change of submissions in force (a reception or
 * a removal, neither an undo step): entry keys re-keyed (`rekey`: old entry key → new), null when
 * it only touches entries that are `gone` (a submission removed with nothing to carry them to).
 */
export function rebaseCommand(
  cmd: ConsolidationCommand,
  rekey: ReadonlyMap<string, string>,
  gone: (entry: string) => boolean,
): ConsolidationCommand | null {
  const to = (k: string) => rekey.get(k) ?? k;
  switch (cmd.type) {
    case 'setProposed':
      return gone(to(cmd.key)) ? null : { ...cmd, key: to(cmd.key) };
    case 'resolve': {
      const [a, b] = cmd.pair.split('|').map(to);
      if (gone(a) || gone(b)) return null;
      const r = cmd.resolution;
      const resolution = r?.kind === 'keep' ? { kind: 'keep' as const, keep: to(r.keep) } : r;
      return { type: 'resolve', pair: a < b ? `${a}|${b}` : `${b}|${a}`, resolution };
    }
    case 'batch': {
      const commands = cmd.commands
        .map((c) => rebaseCommand(c, rekey, gone))
        .filter((c): c is ConsolidationCommand => c !== null);
      return commands.length ? { type: 'batch', commands } : null;
    }
    default:
      return cmd;
  }
}
