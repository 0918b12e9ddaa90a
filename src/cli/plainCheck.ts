/** The computed values of appendix sheets without the engine, for the cross-checks (plainValues.ts). */
import type { AppendixSheet } from '../domain/types';
import { PlainValues } from '../engine/plainValues';
import type { SheetValues } from './checkJson';

/**
 * The values of each sheet computed without the engine, or null when one sheet needs the engine
 * (a formula typed in a cell, …): then the caller builds it for all of them.
 */
export function plainValuesOf(
  sheets: readonly AppendixSheet[],
): ((sheet: AppendixSheet) => SheetValues) | null {
  const bySheet = new Map<AppendixSheet, SheetValues>();
  for (const s of sheets) {
    const p = PlainValues.of(s);
    if (!p) return null;
    bySheet.set(s, { values: p.values(), total: (src, c) => p.total(src, c) });
  }
  return (sheet) => bySheet.get(sheet)!;
}
