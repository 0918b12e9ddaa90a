/** The shapes of project matching (see match.ts): project refs, pairs, reasons, overrides. */
import type { FigureLookup } from './figures';
import type { Scorer } from './matchScore';
import type { Row } from './types';

/** A project row with what matching needs. */
export interface ProjectRef {
  sheetId: string;
  index: number;
  row: Row;
  /** Folded names of its ancestor sections, outermost first. */
  path: string[];
  /** Its ancestor sections' names as written, outermost first. */
  sections: string[];
  /** The name as written (trimmed). */
  text: string;
  /** Normalised name. */
  name: string;
  /** Normalised lead unit. */
  lead: string;
  /** Canonical name (abbreviations expanded, phases alike): equal keys name the same project. */
  key: string;
  tokens: string[];
  /** Canonical lead unit. */
  unit: string;
  /** Canonical section path, `/`-separated. */
  section: string;
  /** Row id of its section (null at the top). */
  parentId: string | null;
  /** Its project code (`Mã dự án`: a TABMIS code, `DA-01`) as written; absent without such a column. */
  code?: string;
}

/** Why two projects were paired (the UI and the CLI word these). */
export type MatchReason =
  | 'id' // the same row of one workbook
  | 'sameCode' // the same project code (`Mã dự án`) in both files
  | 'user' // paired or confirmed by the user
  | 'sameName' // the same name, as written
  | 'sameSpelling' // the same name but for case, diacritics, spacing or punctuation
  | 'expanded' // the same name once abbreviations and phases are written alike
  | 'similarName' // a similar name
  | 'sameUnit'
  | 'otherUnit'
  | 'sameSection'
  | 'otherSection'
  | 'sameAmounts'
  | 'duplicate' // another project has the same name: paired by section, unit and amounts
  | 'runnerUp'; // another candidate is nearly as close

/** How two projects were paired. */
export interface Match {
  a: ProjectRef;
  b: ProjectRef;
  by: 'id' | 'code' | 'key' | 'similar' | 'user';
  /** Name similarity, 0..1 (1 for id, key and user pairs with the same name). */
  score: number;
  /** Another candidate had the same or a nearly as good claim (duplicates, a close runner-up). */
  ambiguous: boolean;
  /** How sure the pairing is, 0..1. */
  confidence: number;
  reasons: MatchReason[];
  /** Below `CONFIRM_BELOW`: shown to the user to confirm or fix, never silently taken. */
  doubtful: boolean;
}

export interface MatchResult {
  matched: Match[];
  /** Projects only in b. */
  added: ProjectRef[];
  /** Projects only in a. */
  removed: ProjectRef[];
  /** The scorer used (its token weights span both sides). */
  scorer: Scorer;
}

/**
 * The user's corrections: pairs to force (a row id, b row id), a rows to leave unmatched, pairs or
 * groups confirmed as found (a row id of a pair, or a group's key), groups (splits, merges) refused.
 */
export interface MatchOverrides {
  pairs?: [string, string][];
  unpaired?: string[];
  confirmed?: string[];
  ungrouped?: string[];
}

/** What the caller knows: whether row ids are shared identities, and each project's figures. */
export interface MatchOptions {
  /** Row ids name the same project on both sides (versions of one workbook). Default true. */
  ids?: boolean;
  /** Numbers of each project in one column order for both sides (amounts: a tie-breaker). */
  figures?: FigureLookup;
}

/** Pairs below this confidence are doubtful. */
export const CONFIRM_BELOW = 0.9;
