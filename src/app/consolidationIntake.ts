/**
 * Receiving departments' files into a consolidation: each read off the main thread as an import
 * is, evaluated and checked, hashed, its unit matched to the expected ones; a file from a unit that
 * already submitted is compared with its submission in force before anything changes; the status
 * board of who submitted what.
 */
import { sumOf, unitKey } from '../domain/consolidate';
import { errorCount } from '../domain/consolidateSubmission';
import { diffSubmissions, type ResubmissionDiff } from '../domain/consolidateDiff';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import { matchUnit, sameUnit } from '../domain/consolidateUnits';
import type { Workbook } from '../domain/types';
import { sha256Hex, submissionFromReading } from '../io/submission';
import { type ImportError, readForImport } from './importer';
import { PlanEngine } from '../engine/engine';

/** A file read and waiting for the consolidator's confirmation. */
export interface PendingSubmission {
  name: string;
  bytes: Uint8Array;
  submission?: Submission;
  workbook?: Workbook;
  /** Why the file could not be read. */
  error?: ImportError;
  /**
   * A file sent through the server that states another unit than its certified sender's:
   * `refused` (not receivable) when the unit it states is another expected unit of the
   * consolidation, else received under the sender's unit with this shown as a warning.
   */
  wrongUnit?: { stated: string; sender: string; refused: boolean };
  /** Sent through the server by this expected unit (certified; not to be re-assigned). */
  certified?: string;
  /** The unit the file goes to (read, matched to an expected unit, or chosen). */
  unit: string;
  /** The consolidator's note on the file (kept with its provenance). */
  note?: string;
  /** The same file (same content hash) was already received. */
  duplicateOf?: string;
}

/** The key a unit name files under: an expected unit's, or a unit that already submitted. */
export function keyFor(
  c: Consolidation,
  subs: ReadonlyMap<string, Submission>,
  unit: string,
): string {
  const expected = matchUnit(unit, c.form.units);
  if (expected) return unitKey(expected);
  for (const [k, id] of Object.entries(c.current)) {
    const s = subs.get(id);
    if (s && sameUnit(s.provenance.unit, unit)) return k;
  }
  return unitKey(unit);
}

/** Reads dropped or picked files (in order); a file that cannot be read is kept with its reason. */
export async function readSubmissions(
  c: Consolidation,
  subs: ReadonlyMap<string, Submission>,
  files: { name: string; bytes: Uint8Array }[],
  now = () => new Date(),
): Promise<PendingSubmission[]> {
  const out: PendingSubmission[] = [];
  const engine = new PlanEngine();
  const hashes = new Map(
    [...subs.values()].map((s) => [s.provenance.sha256, s.provenance.fileName]),
  );
  for (const f of files) {
    try {
      const reading = await readForImport(f.name, f.bytes);
      const sha256 = await sha256Hex(f.bytes);
      const submission = submissionFromReading(
        reading,
        {
          fileName: f.name,
          sha256,
          size: f.bytes.length,
          receivedAt: now().toISOString(),
        },
        undefined,
        engine,
      );
      const read = submission.provenance.unit;
      const unit = matchUnit(read, c.form.units) ?? read;
      out.push({
        name: f.name,
        bytes: f.bytes,
        submission,
        workbook: reading.workbook,
        unit,
        ...(hashes.has(sha256) ? { duplicateOf: hashes.get(sha256) } : {}),
      });
    } catch (e) {
      const error =
        e && typeof e === 'object' && 'code' in e
          ? (e as ImportError)
          : { code: 'unexpected' as const, detail: (e as Error).message };
      out.push({ name: f.name, bytes: f.bytes, error, unit: '' });
    }
  }
  return out;
}

/** The submission of a pending file with the unit the consolidator settled on. */
export function settled(p: PendingSubmission): Submission {
  const s = p.submission!;
  const unit = p.unit.trim();
  const note = p.note?.trim() ?? s.provenance.note;
  if ((!unit || unit === s.provenance.unit) && note === s.provenance.note) return s;
  if (!unit || unit === s.provenance.unit) return { ...s, provenance: { ...s.provenance, note } };
  // an expected unit's spelling of the unit the file names is still the file's unit
  const unitFrom = sameUnit(unit, s.provenance.unit) ? s.provenance.unitFrom : 'chosen';
  return { ...s, provenance: { ...s.provenance, unit, unitFrom, note } };
}

/** What a pending file changes: a unit's first submission, or a re-submission with its diff. */
export function pendingDiff(
  c: Consolidation,
  subs: ReadonlyMap<string, Submission>,
  p: PendingSubmission,
): { key: string; replaces?: Submission; diff?: ResubmissionDiff } {
  const key = keyFor(c, subs, p.unit);
  const before = subs.get(c.current[key] ?? '');
  if (!before || !p.submission) return { key };
  return {
    key,
    replaces: before,
    diff: diffSubmissions(before, settled(p), c.form.columns, c.mappings[key] ?? {}, c.form.unit),
  };
}

/** One line of the status board: an expected unit (or one that submitted unasked). */
export interface UnitStatus {
  unit: string;
  key: string;
  expected: boolean;
  /** The submission in force, if any, and the earlier ones of the unit. */
  current?: Submission;
  history: Submission[];
  projects: number;
  requested: number;
  errors: number;
}

/** The status board: expected units first (in the form's order), then the others. */
export function statusBoard(
  c: Consolidation,
  subs: ReadonlyMap<string, Submission>,
  byUnit: readonly { key: string; requested: number[] }[],
): UnitStatus[] {
  const byKey = new Map(byUnit.map((u) => [u.key, u]));
  const history = new Map<string, Submission[]>();
  const out: UnitStatus[] = [];
  const line = (unit: string, key: string, expected: boolean): UnitStatus => {
    const current = subs.get(c.current[key] ?? '');
    const figures = byKey.get(key);
    return {
      unit,
      key,
      expected,
      current,
      history: history.get(key) ?? [],
      projects: current?.projects.length ?? 0,
      requested: figures ? sumOf(figures.requested) : 0,
      errors: current ? errorCount(current) : 0,
    };
  };
  for (const id of c.submissionIds) {
    const s = subs.get(id);
    if (!s) continue;
    const key = keyFor(c, subs, s.provenance.unit);
    history.set(key, [...(history.get(key) ?? []), s]);
  }
  const seen = new Set<string>();
  for (const u of c.form.units) {
    const key = unitKey(u);
    seen.add(key);
    out.push(line(u, key, true));
  }
  for (const key of Object.keys(c.current))
    if (!seen.has(key)) out.push(line(subs.get(c.current[key])!.provenance.unit, key, false));
  return out;
}
