/**
 * A period's figures as a saved change stores them when they are many (a report recorded: one
 * figure per project × source line): the keys in one string and the figures in typed arrays, which
 * IndexedDB copies at once, where 187,000 small objects took it 450–650 ms of the main thread at
 * 100,000 projects (the structured clone a write makes before it returns). Read back as they were.
 */
import type { Disbursed } from '../domain/execution';
import type { ExecDelta } from '../domain/executionDelta';

/** Figures stored packed: line keys joined by SEP, each part's figure, which parts are null. */
export interface PackedFigures {
  packed: 1;
  keys: string;
  plan: Float64Array;
  carry: Float64Array;
  /** Per key: 1 the plan part is null, 2 the carry-over part, 3 both. */
  nulls: Uint8Array;
}

/** Figures of a period packed from this many lines on (fewer are cheap to copy as they are). */
export const PACK_FROM = 512;

const SEP = '\u0000';

/** A period's figures as stored (`figures` of a saved change). */
type StoredFigures = Record<string, Disbursed> | PackedFigures | null;

/** A saved change as stored: its periods' figures packed when many. */
export type StoredDelta = Omit<ExecDelta, 'figures'> & { figures?: Record<string, StoredFigures> };

/** Whether stored figures are packed. */
const isPacked = (f: StoredFigures): f is PackedFigures =>
  !!f && (f as PackedFigures).packed === 1 && (f as PackedFigures).plan instanceof Float64Array;

/**
 * The figures packed, or null when they stay as they are: fewer than PACK_FROM, a key holding the
 * separator, or a figure that is neither a number nor null.
 */
export function packFigures(f: Record<string, Disbursed>): PackedFigures | null {
  const keys = Object.keys(f);
  if (keys.length < PACK_FROM) return null;
  const plan = new Float64Array(keys.length);
  const carry = new Float64Array(keys.length);
  const nulls = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const d = f[k];
    if (k.includes(SEP) || !d) return null;
    const p: unknown = d.plan;
    const c: unknown = d.carry;
    if (typeof p === 'number') plan[i] = p;
    else if (p === null) nulls[i] |= 1;
    else return null;
    if (typeof c === 'number') carry[i] = c;
    else if (c === null) nulls[i] |= 2;
    else return null;
  }
  return { packed: 1, keys: keys.join(SEP), plan, carry, nulls };
}

/** Packed figures as they were (the same keys in the same order, the same figures). */
export function unpackFigures(p: PackedFigures): Record<string, Disbursed> {
  const out: Record<string, Disbursed> = {};
  if (!p.plan.length) return out;
  const keys = p.keys.split(SEP);
  for (let i = 0; i < keys.length; i++)
    out[keys[i]] = {
      plan: p.nulls[i] & 1 ? null : p.plan[i],
      carry: p.nulls[i] & 2 ? null : p.carry[i],
    };
  return out;
}

/** A saved change as it is stored: its periods' figures packed where they are many. */
export function packDelta(d: ExecDelta): StoredDelta {
  if (!d.figures) return d;
  let figures: Record<string, StoredFigures> | null = null;
  for (const [id, f] of Object.entries(d.figures)) {
    const p = f && packFigures(f);
    if (!p) continue;
    figures ??= { ...d.figures };
    figures[id] = p;
  }
  return figures ? { ...d, figures } : d;
}

/** A stored change as it was saved (changes saved before packing are read as they are). */
export function unpackDelta(d: StoredDelta): ExecDelta {
  if (!d.figures || !Object.values(d.figures).some(isPacked)) return d as ExecDelta;
  const figures: NonNullable<ExecDelta['figures']> = {};
  for (const [id, f] of Object.entries(d.figures)) figures[id] = isPacked(f) ? unpackFigures(f) : f;
  return { ...d, figures };
}
