/**
 * Rows of a sheet changed since a version: rows the version does not have (added since) or whose
 * kind, level or any cell differs (amounts compared with a tolerance: floating noise is no change).
 */
import type { AppendixSheet, CellInput, Id, Row } from './types';

/** Amounts closer than this (in the sheet's unit, triệu đồng) are the same figure. */
const TOLERANCE = 1e-9;

function sameCell(a: CellInput | undefined, b: CellInput | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= TOLERANCE;
  return x === y;
}

function sameRow(a: Row, b: Row): boolean {
  if (a.kind !== b.kind || a.level !== b.level) return false;
  const keys = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  for (const k of keys) if (!sameCell(a.cells[k], b.cells[k])) return false;
  return true;
}

/** Ids of the rows of `now` added or changed since `then` (the same sheet in a version). */
export function changedSince(then: AppendixSheet | undefined, now: AppendixSheet): Set<Id> {
  const before = new Map((then?.rows ?? []).map((r) => [r.id, r]));
  const out = new Set<Id>();
  for (const r of now.rows) {
    const b = before.get(r.id);
    if (!b || !sameRow(b, r)) out.add(r.id);
  }
  return out;
}
