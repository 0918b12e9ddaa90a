/**
 * The unit of a report's figures checked against the tracking's before they are recorded: a report
 * that states no unit (or a unit its figures belie) is read in the unit its own year's plan column
 * shows (the plan figures it states, paired with the tracking's, differ by a power of 1,000: đồng,
 * nghìn, triệu, tỷ), and said so; without a plan column, disbursement figures far above the plan
 * are flagged. Never a silent rate a million times too high.
 */
import { total } from './executionApplyParts';
import { figureKey, type MatchPlan, type ReportMatch, type ReportReading } from './executionReport';
import type { Measure, Part } from './executionColumns';

/** What the check found: the factor taken and why. */
export interface UnitNote {
  /**
   * `inferred`: the report states no unit, its plan figures show it; `contradicted`: the unit it
   * states is belied by its plan figures (read as they show); `doubt`: no plan figures, and the
   * disbursement is far above the plan (figures kept as read, the user to check).
   */
  kind: 'inferred' | 'contradicted' | 'doubt';
  /** The factor from the report's figures to the tracking's unit, as recorded. */
  factor: number;
  /** The unit the report states ('' none). */
  stated: string;
  /** The scale in đồng the figures were read in (null: the tracking's unit is not known). */
  scale: number | null;
  /** Paired lines the finding rests on. */
  lines: number;
  /** `doubt`: the median rate of the paired lines (disbursed / plan, 1 = 100 %). */
  rate?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** The first stated figure among the measures, in the report's unit (null: none). */
function stated(figures: Record<string, Record<string, number>>, keys: [Measure, Part][]) {
  for (const [m, p] of keys) {
    const v = total(figures[figureKey(m, p)]);
    if (v !== null) return v;
  }
  return null;
}

const DISBURSED: [Measure, Part][] = [
  ['ytd', 'all'],
  ['ytd', 'plan'],
  ['inPeriod', 'all'],
  ['inPeriod', 'plan'],
  ['sinceStart', 'all'],
];

/** Disbursement above this many times the plan (median over the lines) is not believed. */
const DOUBT_RATE = 20;

/**
 * The unit check of a pairing made with `factor` (the report's stated unit to the tracking's):
 * null when the figures agree with it, else the note (with the factor to record with).
 */
export function unitCheck(
  plan: MatchPlan,
  r: Pick<ReportReading, 'unit' | 'scale'>,
  match: ReportMatch,
  factor: number,
  /** The tracking's unit in đồng (null: not known). */
  planScale: number | null = null,
): UnitNote | null {
  const planned = new Map<string, number>();
  for (const l of plan.lines) planned.set(l.projectId, (planned.get(l.projectId) ?? 0) + l.plan);
  const ratios: number[] = [];
  const rates: number[] = [];
  for (const m of match.matched) {
    const want = planned.get(m.projectId) ?? 0;
    if (want <= 0) continue;
    const p = stated(m.line.figures, [['plan', 'all']]);
    if (p !== null && p > 0) ratios.push((p * factor) / want);
    const d = stated(m.line.figures, DISBURSED);
    if (d !== null) rates.push((d * factor) / want);
  }
  const base = { stated: r.scale ? r.unit : '' };
  if (ratios.length) {
    const k = Math.round(Math.log10(median(ratios)) / 3) * 3;
    if (k === 0) return null;
    const power = 10 ** k;
    // most lines off by the same power of 1,000 (a few plans may differ from the tracking's)
    const agree = ratios.filter((x) => Math.abs(x / power - 1) < 0.02).length;
    if (agree < Math.max(1, ratios.length * 0.6)) return null;
    return {
      ...base,
      kind: r.scale ? 'contradicted' : 'inferred',
      factor: factor / power,
      scale: planScale ? (factor / power) * planScale : null,
      lines: agree,
    };
  }
  if (!rates.length) return null;
  const rate = median(rates);
  if (rate <= DOUBT_RATE) return null;
  const scale = planScale ? factor * planScale : null;
  return { ...base, kind: 'doubt', factor, scale, lines: rates.length, rate };
}

/** A money unit's words for its scale in đồng (`triệu đồng`), '' for another scale. */
export function unitWords(scale: number | null): string {
  const words: Record<number, string> = {
    1: 'đồng',
    1e3: 'nghìn đồng',
    1e6: 'triệu đồng',
    1e9: 'tỷ đồng',
  };
  return scale === null ? '' : (words[scale] ?? '');
}

/** The unit note in English words (the command line's warnings, the logs). */
export function unitNoteText(file: string, n: UnitNote): string {
  const times = (x: number) => (x >= 1 ? `${x.toLocaleString('en')} times` : `1/${1 / x}`);
  if (n.kind === 'doubt')
    return `${file}: ${n.stated ? `unit ${n.stated}` : 'no unit stated'}; the disbursement is ${Math.round(n.rate! * 100)} % of the plan (median of ${n.lines} lines): check the report's unit`;
  return `${file}: ${n.kind === 'inferred' ? 'no unit stated' : `the unit stated (${n.stated}) is belied by the figures`}; its year's plan figures are ${times(1 / n.factor)} the tracking's (${n.lines} lines): read ${n.scale && unitWords(n.scale) ? `in ${unitWords(n.scale)}` : 'so'}`;
}
