/**
 * Which submissions are in force: receiving files (a unit's first or next submission) and
 * removing a unit's submission in force (the one it replaced back in force). Neither is one of the
 * consolidator's undo steps (loads, imports and remote updates never are): each returns the next
 * state and how the entries of the user's history move (`rekey`, `gone`), so undo and redo go on
 * over the user's own edits.
 */
import { entryKey } from '../domain/consolidate';
import {
  applyResubmission,
  diffSubmissions,
  requestedByProject,
  type ResubmissionDiff,
} from '../domain/consolidateDiff';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import type { Workbook } from '../domain/types';
import { keyFor, pendingDiff, type PendingSubmission, settled } from './consolidationIntake';

/** A file received, as storage keeps it. */
export type Received = {
  submission: Submission;
  workbook: Workbook;
  name: string;
  bytes: Uint8Array;
};

/** A change of the submissions in force and how the user's history follows it. */
export interface InForceChange {
  next: Consolidation;
  /** Entry keys of matched projects: old → new. */
  rekey: Map<string, string>;
  /** Entries that no longer exist anywhere (a removed submission's, not carried). */
  gone: (entry: string) => boolean;
}

/** `after` in force for `key` instead of `before`: proposals and resolutions carried over. */
function carry(
  c: Consolidation,
  key: string,
  diff: ResubmissionDiff,
  before: Submission,
  after: Submission,
) {
  const confirmed = c.mappings[key] ?? {};
  const cols = c.form.columns;
  const next = applyResubmission(c, key, diff, {
    before: requestedByProject(before, cols, confirmed, c.form.unit),
    after: requestedByProject(after, cols, confirmed, c.form.unit),
  });
  const rekey = new Map(
    diff.matched.map((m) => [entryKey(diff.before, m.before.id), entryKey(diff.after, m.after.id)]),
  );
  return { next, rekey };
}

/**
 * The state with read files received, in order (`subs` gains them): each becomes its unit's
 * submission in force; a re-submission replaces the unit's rows, carrying the proposals of
 * unchanged projects.
 */
export function receiveFiles(
  c: Consolidation,
  subs: Map<string, Submission>,
  files: PendingSubmission[],
): InForceChange & { received: Received[] } {
  let next = c;
  const rekey = new Map<string, string>();
  const received: Received[] = [];
  for (const f of files) {
    const sub = settled(f);
    const { key, replaces, diff } = pendingDiff(next, subs, { ...f, submission: sub });
    subs.set(sub.id, sub);
    next = { ...next, submissionIds: [...next.submissionIds, sub.id] };
    if (replaces && diff) {
      const r = carry(next, key, diff, replaces, sub);
      next = r.next;
      // a history key already moved once moves on
      for (const [from, to] of rekey) if (r.rekey.has(to)) rekey.set(from, r.rekey.get(to)!);
      for (const [from, to] of r.rekey) rekey.set(from, to);
    } else next = { ...next, current: { ...next.current, [key]: sub.id } };
    received.push({ submission: sub, workbook: f.workbook!, name: f.name, bytes: f.bytes });
  }
  return { next, rekey, received, gone: () => false };
}

/** What removing a unit's submission in force takes away and what comes back in force. */
export interface Withdrawal {
  key: string;
  removed: Submission;
  /** The unit's earlier submission back in force; absent: the unit has not submitted again. */
  restored?: Submission;
}

/** The unit's submission in force and the one before it (undefined when none is in force). */
export function withdrawal(
  c: Consolidation,
  subs: ReadonlyMap<string, Submission>,
  key: string,
): Withdrawal | undefined {
  const removed = subs.get(c.current[key] ?? '');
  if (!removed) return undefined;
  let restored: Submission | undefined;
  for (const id of c.submissionIds) {
    const s = subs.get(id);
    if (!s || id === removed.id) continue;
    if (keyFor(c, subs, s.provenance.unit) === key) restored = s;
  }
  return { key, removed, ...(restored ? { restored } : {}) };
}

/**
 * The state without the unit's submission in force (no longer in the list of submissions, its
 * proposals and resolutions dropped); the unit's earlier one back in force with the proposals
 * of unchanged projects carried back, else the unit is missing again.
 */
export function withdrawSubmission(c: Consolidation, w: Withdrawal): InForceChange {
  const { key, removed, restored } = w;
  let next: Consolidation = {
    ...c,
    submissionIds: c.submissionIds.filter((id) => id !== removed.id),
  };
  let rekey = new Map<string, string>();
  if (restored) {
    const diff = diffSubmissions(
      removed,
      restored,
      c.form.columns,
      c.mappings[key] ?? {},
      c.form.unit,
    );
    ({ next, rekey } = carry(next, key, diff, removed, restored));
  } else {
    const current = { ...next.current };
    delete current[key];
    next = { ...next, current };
  }
  const prefix = `${removed.id}/`;
  const gone = (entry: string) => entry.startsWith(prefix);
  const proposed = Object.fromEntries(Object.entries(next.proposed).filter(([k]) => !gone(k)));
  const resolutions = Object.fromEntries(
    Object.entries(next.resolutions).filter(([k]) => !k.split('|').some(gone)),
  );
  return { next: { ...next, proposed, resolutions }, rekey, gone };
}
