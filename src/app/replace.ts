/**
 * Find and replace (Ctrl+H) as one step of the session: the replacement is planned over the
 * workbook as it is (`domain/replacePlan.ts`: the cell policy, the one input parser) and
 * dispatched as one command, so "replace all" is one undo step and a single replace another.
 */
import type { Refusal } from '../domain/refusals';
import { planReplace, type ReplaceCell, type ReplaceSkip } from '../domain/replacePlan';
import type { ReplaceOptions } from '../domain/replaceText';
import type { WorkbookSession } from './session';

/** What a replacement did: cells written, skipped (by reason) and refused (not a figure). */
export interface ReplaceResult {
  /** False when the step as a whole was refused (read-only, an engine refusal): nothing written. */
  ok: boolean;
  replaced: number;
  skipped: Record<ReplaceSkip, number>;
  refused: (ReplaceCell & { text: string })[];
  /** Why the step was refused (ok false). */
  refusal?: Refusal;
}

/**
 * Replaces `query` by `replacement` in the cells `keep` keeps (all of the workbook without it),
 * figures written and read in `lang`'s number style; one undoable step.
 */
export function replaceInWorkbook(
  session: WorkbookSession,
  query: string,
  replacement: string,
  o: ReplaceOptions,
  lang: 'vi' | 'en',
  keep?: (c: ReplaceCell) => boolean,
): ReplaceResult {
  const plan = planReplace(session.workbook, query, replacement, o, {
    lang,
    keep,
    value: (s, i, c) => session.value(s, i, c),
    gridValue: (g, r, c) => session.gridValue(g, r, c),
  });
  const counts = { skipped: plan.skipped, refused: plan.refused };
  if (!plan.command) return { ok: true, replaced: 0, ...counts };
  const r = session.dispatch(plan.command, 'replace');
  if (!r.ok) return { ok: false, replaced: 0, ...counts, refusal: r.refusals[0] };
  return { ok: true, replaced: plan.replaced.length, ...counts };
}
