/**
 * The report lines that are not in the plan: lines of a report that matched no project of the
 * tracking (left to pair) or that the user marked as not in the plan. Their figures are the
 * report's, in the tracking's unit; they are never added into the plan's figures.
 */
import { type ReportLine, reportLineKey } from './executionReport';
import { clean } from './numbers';

/** A report line outside the plan, with the figures it states (null: the report has none). */
export interface OutsideLine {
  file: string;
  /** Input line (1-based) in the file. */
  line: number;
  name: string;
  code: string;
  lead: string;
  /** The user marked it as not in the plan (else it is left to pair). */
  confirmed: boolean;
  /** The year's plan the report states for it. */
  plan: number | null;
  /** Disbursed from 01/01 to the end of the report's period. */
  ytd: number | null;
  /** Disbursed in the report's month or quarter. */
  inPeriod: number | null;
}

/** The report lines of one import that are not paired with a project. */
export interface OutsideSource {
  file: string;
  /** Report unit → tracking unit. */
  factor: number;
  unmatched: readonly ReportLine[];
  /** Lines the user marked as not in the plan (at this import or since). */
  dismissed?: readonly ReportLine[];
}

/** The user's pair for a report line in the model (undefined: none; '': not in the plan). */
function pairOf(pairs: Readonly<Record<string, string>>, l: ReportLine): string | undefined {
  const key = reportLineKey(l);
  return Object.hasOwn(pairs, key) ? pairs[key] : undefined;
}

/** An import's lines as recorded (never changed since: the model's pairs say what became of them). */
export interface ImportedLines<D extends { line: ReportLine }> extends OutsideSource {
  /** Lines paired by a similar name (or a shared code), which the user may move. */
  doubtful: readonly D[];
}

/**
 * The lines of an import still waiting for the user, read from the model's pairs (so an undo or
 * redo of a pairing puts a line back or takes it away): unmatched lines and doubtful pairs the
 * user has not settled (no pair names them).
 */
export function linesToPair<D extends { line: ReportLine }>(
  imp: ImportedLines<D>,
  pairs: Readonly<Record<string, string>>,
): { unmatched: ReportLine[]; doubtful: D[] } {
  return {
    unmatched: imp.unmatched.filter((l) => pairOf(pairs, l) === undefined),
    doubtful: imp.doubtful.filter((d) => pairOf(pairs, d.line) === undefined),
  };
}

/**
 * An import's lines outside the plan as the model's pairs leave them (`outsideLines`): its
 * unmatched and dismissed lines, and its doubtful lines the user marked as not in the plan.
 */
export function importOutside<D extends { line: ReportLine }>(
  imp: ImportedLines<D>,
  pairs: Readonly<Record<string, string>>,
): OutsideLine[] {
  const marked = imp.doubtful.filter((d) => pairOf(pairs, d.line) === '').map((d) => d.line);
  const dismissed = [...(imp.dismissed ?? []), ...marked];
  return outsideLines([{ ...imp, dismissed }], pairs);
}

/** A measure's figure of a line over every source: its `all` part, else the plan and carry parts. */
function figure(l: ReportLine, measure: string): number | null {
  const total = (v: Record<string, number> | undefined) =>
    v ? (v[''] ?? Object.values(v).reduce((a, b) => a + b, 0)) : null;
  const all = total(l.figures[`${measure}:all`]);
  if (all !== null) return all;
  const parts = [total(l.figures[`${measure}:plan`]), total(l.figures[`${measure}:carry`])];
  return parts.some((v) => v !== null) ? parts.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
}

/**
 * Every line of the imports that no project holds, in order (by import, then line), with its
 * figures in the tracking's unit: lines the user paired since (`pairs` names a project) are left
 * out; a line is `confirmed` when `pairs` marks it as not in the plan ('').
 */
export function outsideLines(
  sources: readonly OutsideSource[],
  pairs: Readonly<Record<string, string>>,
): OutsideLine[] {
  const out: OutsideLine[] = [];
  for (const s of sources) {
    const seen = new Set<number>();
    const lines = [...s.unmatched, ...(s.dismissed ?? [])].sort((a, b) => a.line - b.line);
    for (const l of lines) {
      if (seen.has(l.line)) continue;
      seen.add(l.line);
      const paired = pairOf(pairs, l);
      if (paired) continue;
      const scaled = (m: string) => {
        const v = figure(l, m);
        return v === null ? null : clean(v * s.factor);
      };
      out.push({
        file: s.file,
        line: l.line,
        name: l.name,
        code: l.code,
        lead: l.lead,
        confirmed: paired === '',
        plan: scaled('plan'),
        ytd: scaled('ytd'),
        inPeriod: scaled('inPeriod'),
      });
    }
  }
  return out;
}
