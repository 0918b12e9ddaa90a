/**
 * The cells of the plain evaluator: its value and memo types, and which inputs and layouts it can
 * compute like the engine (a typed formula it cannot).
 */
import type { Row } from '../domain/types';
import { inputColumn, type SheetLayout } from './layout';

/** Thrown when a content is not one the layout writes: the engine must compute the sheet. */
export class NotPlain extends Error {}

export type Value = number | string | null;
export const BUSY = Symbol('busy');
export type Memo = (Value | typeof BUSY | undefined)[];

/** n empty slots, packed (`new Array(n)` of 100,000+ is a slow dictionary). */
export function slots(n: number): Memo {
  const out: Memo = [];
  for (let i = 0; i < n; i++) out.push(undefined);
  return out;
}
/** Whether an object holds a key of its own (not inherited). */
export const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Whether a model input would be a formula in the engine (layout.ts inputContent). */
export function isFormula(v: unknown): boolean {
  return v !== null && v !== undefined && typeof v !== 'number' && String(v).startsWith('=');
}

/** Whether a row holds a formula the engine would compute (typed in one of its input cells). */
export function holdsFormula(layout: SheetLayout, r: Row): boolean {
  for (const k in r.cells)
    if (own(r.cells, k) && isFormula(r.cells[k]) && inputColumn(layout, r, k) !== undefined)
      return true;
  return false;
}

/** What a layout's columns mean, as text: two layouts with the same key compute alike. */
export const shapeKey = (l: SheetLayout): string =>
  JSON.stringify(l, (_, v: unknown) => (v instanceof Map ? [...v] : v));
