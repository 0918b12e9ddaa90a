/**
 * Following execution (*theo dõi thực hiện, giải ngân*): a year's tracking started from an
 * approved plan. Per project and capital source: the year's allocation, the allocation of N−1
 * carried over (*kéo dài*, tracked apart as circular 15/2021/TT-BTC requires), the cumulative
 * allocation and disbursement to the end of N−1; per period (month or quarter) the disbursement
 * from 01/01 of N to the end of the period, of the year's plan and of the carried-over plan.
 * Amounts are in the plan's unit. Pure data, serialisable as JSON.
 */
import { leaves } from './columns';
import type { SheetDisplay } from './display';
import type { IsoDate } from './executionText';
import type { AppendixSheet, Id } from './types';

export { leafPaths, planLeafMeaning, planYears, type LeafPath } from './executionColumns';
export { codeIn, normaliseCode, sectionSource } from './executionText';

/** A project followed in the year (one row of the plan). */
export interface ExecProject {
  id: Id;
  name: string;
  /** Lead unit (*đơn vị thực hiện / chủ đầu tư*). */
  lead: string;
  /** Project code (*mã dự án*), '' when the plan has none. */
  code: string;
  /** Labels of the sections above it, outermost first. */
  path: string[];
}

/** The year's figures of one project and source. */
export interface ExecLine {
  projectId: Id;
  /** Capital source code ('' when the plan does not split by source). */
  source: string;
  /** Allocation of year N (*kế hoạch vốn năm N*). */
  plan: number;
  /** Allocation of N−1 carried over into N (*kế hoạch vốn năm N−1 kéo dài*). */
  carry: number;
  /** Cumulative allocation to the end of N−1 (*lũy kế vốn đã bố trí*). */
  priorAllocated: number;
  /** Cumulative disbursement from the start to 31/12 of N−1. */
  priorDisbursed: number;
}

/** A reporting period: a month or a quarter of year N (or January of N+1), by its last day. */
export interface ExecPeriod {
  id: Id;
  end: IsoDate;
  kind: 'month' | 'quarter';
  /** The report file the figures came from, if any. */
  file?: string;
}

/** Disbursement from 01/01 of N to the end of a period: of the year's plan, of the carry-over. */
export interface Disbursed {
  plan: number | null;
  carry: number | null;
}

/** A point of the target curve: the rate of the year's plan to reach by a date (0..1). */
export interface TargetPoint {
  date: IsoDate;
  rate: number;
}

export interface AnnualPlan {
  id: Id;
  year: number;
  title: string;
  unit: string;
  /** The plan (or version) the tracking started from. */
  basedOn: { workbookId?: Id; revisionId?: Id; title: string };
  sources: string[];
  projects: ExecProject[];
  /** Project × source lines, in the plan's order. */
  lines: ExecLine[];
  /** Periods in date order. */
  periods: ExecPeriod[];
  /** Period id → line key (`lineKey`) → cumulative disbursement to the period's end. */
  disbursed: Record<Id, Record<string, Disbursed>>;
  targets: TargetPoint[];
  /** Report lines the user paired: report line key → project id ('' = not a project of the plan). */
  pairs: Record<string, Id>;
  /** How the views show amounts (display unit, decimals); figures and exports keep `unit`. */
  display?: SheetDisplay;
  createdAt: number;
  updatedAt: number;
}

/** The key of a project × source line. */
export const lineKey = (projectId: Id, source: string): string => `${projectId}|${source}`;

export {
  annualPlanFrom,
  defaultTargets,
  type PlanValue,
  type StartOptions,
} from './executionStart';

/** The leaves of a sheet in display order (re-exported for readers of execution tables). */
export const sheetLeaves = (s: AppendixSheet) => leaves(s.columns);
