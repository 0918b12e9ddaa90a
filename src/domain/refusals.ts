/** Why an edit is refused: one closed list of codes, each worded by the UI in both languages. */
import type { Id } from './types';

/**
 * The error kinds of the formula engine (HyperFormula's `ErrorType`; src/engine checks at compile
 * time that the two lists are equal, so an engine upgrade that adds a kind fails the type check).
 */
export const ENGINE_ERROR_CODES = [
  'DIV_BY_ZERO',
  'NAME',
  'VALUE',
  'NUM',
  'NA',
  'CYCLE',
  'REF',
  'SPILL',
  'LIC',
  'ERROR',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** Refusals decided by the plan's structure (before the engine is asked). */
export const POLICY_CODES = [
  'notNumber',
  'computedColumn',
  'sectionComputed',
  'pasteIntoTotals',
] as const;

/** Refusals of the session: read-only, another tab's edit, a change that breaks another cell. */
export const SESSION_CODES = ['readOnly', 'conflict', 'DEPENDENT'] as const;

/** Every refusal code, for the UI's messages (a test words each one in both languages). */
export const REFUSAL_CODES = [...POLICY_CODES, ...ENGINE_ERROR_CODES, ...SESSION_CODES] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A refused edit: the code, the cell (appendix row and column, or a grid sheet's 0-based cell). */
export interface Refusal {
  code: RefusalCode;
  rowId?: Id;
  colId?: Id;
  /** For a grid sheet's cell: its 0-based position. */
  at?: { r: number; c: number };
  detail?: string;
}

/** Thrown inside a step to refuse it; nothing is changed. */
export class CommandRefused extends Error {
  constructor(public readonly refusals: Refusal[]) {
    super(refusals.map((r) => r.code).join(', '));
  }
}

/** The refusal code of an engine error kind (an unknown kind reads as a generic error). */
export function engineRefusalCode(kind: string): EngineErrorCode {
  return (ENGINE_ERROR_CODES as readonly string[]).includes(kind)
    ? (kind as EngineErrorCode)
    : 'ERROR';
}
