/**
 * What the unit and year view sheets are made of: the engine side they read, the sizes of their
 * blocks and build steps, their A1 references and the state kept per appendix sheet.
 */
import type { HyperFormula } from 'hyperformula';
import { columnLetter } from '../domain/columns';
import type { Row } from '../domain/types';
import type { SheetLayout } from './layout';
import type { TotalsLayout } from './totals';

/** What the views need of the engine for one appendix sheet. */
export interface ViewHost {
  hf: HyperFormula;
  data: string;
  totals: string;
  layout: SheetLayout;
  totalsLayout: TotalsLayout;
  rows: readonly Row[];
}

/**
 * Rows per block of partial sums for a sheet of `rows` rows: an edit recomputes its block's SUMIFs
 * (one per unit in each changed column, each over the block) and the unit totals' SUMs over the
 * blocks, so about √rows balances the two (10,000 rows: 100; measured 9.1 → 6.7 ms CPU per edit
 * under load against 250); between 50 and 250 (the build writes units × columns formulas a block).
 */
export function blockRows(rows: number): number {
  return Math.min(250, Math.max(50, Math.round(Math.sqrt(rows))));
}
/** Rows of partial sums written per step while the view is built (whole blocks, at least one). */
export const BLOCK_ROWS_PER_STEP = 500;
/** Rows of the unit index written per step while the view is built (a 100,000-row plan: 40 steps). */
export const ROWS_PER_STEP = 2500;
/** Rows past the last project covered by the last block (appended rows stay inside it). */
export const SLACK = 1000;

/** A sheet name quoted for a reference. */
export const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
/** An A1 reference to column c (0-based), row r (0-based), with an absolute row. */
export const ref = (c: number, r: number, absCol = true) =>
  `${absCol ? '$' : ''}${columnLetter(c)}$${r + 1}`;

export interface UnitState {
  keys: string[];
  parts: string;
  units: string;
  blocks: number;
  ready: boolean;
}

/** Fields of the year view per source (and, without the ceiling and gap, for all sources). */
export type YearField = 'amount' | 'share' | 'cumulative' | 'ceiling' | 'gap';
export const FIELDS: YearField[] = ['amount', 'share', 'cumulative', 'ceiling', 'gap'];

export interface YearState {
  name: string;
  years: number[];
  sources: string[];
}
