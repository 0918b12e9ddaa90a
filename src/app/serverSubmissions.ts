/**
 * Submissions through the collaboration server instead of a file: a department sends its
 * submission workbook (the exported `.xlsx`) for the submission document it is connected to; the
 * consolidating department lists what was sent for a plan and takes each unit's latest file
 * through the same intake as a dropped file (`consolidationIntake.ts`).
 */
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import { matchUnit } from '../domain/consolidateUnits';
import { type PendingSubmission, readSubmissions } from './consolidationIntake';
import { certifiedUnit, senderUnitLabel, statedIsSender } from './sentUnit';
import { tokenExpired } from '../storage/sync/client';
import { httpOf, type SyncSettings } from './sync';

/** A submission sent through the server, as the server lists it (see `server/submissions.ts`). */
export interface SentSubmission {
  id: number;
  plan: string;
  /** The sender's unit code as the server knows it (from the account). */
  unit: string;
  /** The sender's unit's display name from the account (null: the account gives none). */
  unitName?: string | null;
  account: string;
  name: string;
  fileName: string;
  sha256: string;
  size: number;
  /** When the server received it, ms since 1970. */
  at: number;
}

/**
 * Why a send or a fetch failed: no right, the token expired (refused, and its own expiry past),
 * no server, the file states another unit of the plan
 * (the server reads it: `server/statedUnit.ts`), the server's reading bounds stopped the file
 * (too long, too much memory: `cli/unitReader.ts`), or another answer.
 */
export type ServerProblem =
  'refused' | 'expired' | 'unreachable' | 'wrongUnit' | 'unreadable' | 'failed';

export type ServerResult<T> =
  { ok: true; value: T } | { ok: false; problem: ServerProblem; detail: string };

/** Where the consolidating department reads the submissions of a plan. */
export interface IntakeServer {
  /** The server's address (`ws://…` as for syncing, or `http://…`). */
  url: string;
  plan: string;
  token: string;
}

type Fetch = typeof fetch;

/** The reason of a refusal of a file the server could not read within its bounds (null: another). */
function parseUnreadable(body: string): string | null {
  try {
    const b = JSON.parse(body) as { code?: unknown; reason?: unknown };
    return b.code === 'unreadable' && typeof b.reason === 'string' ? b.reason : null;
  } catch {
    return null;
  }
}

/** The units a wrong-unit refusal names (null: another answer). */
function parseWrongUnit(body: string): { stated: string; sender: string } | null {
  try {
    const b = JSON.parse(body) as { code?: unknown; stated?: unknown; sender?: unknown };
    return b.code === 'wrongUnit' && typeof b.stated === 'string' && typeof b.sender === 'string'
      ? { stated: b.stated, sender: b.sender }
      : null;
  } catch {
    return null;
  }
}

async function call<T>(
  f: Fetch,
  url: string,
  init: RequestInit,
  read: (r: Response) => Promise<T>,
): Promise<ServerResult<T>> {
  let res: Response;
  try {
    res = await f(url, init);
  } catch (e) {
    return { ok: false, problem: 'unreachable', detail: (e as Error).message };
  }
  if (res.ok) return { ok: true, value: await read(res) };
  const detail = await res.text().catch(() => '');
  if (res.status === 422) {
    const w = parseWrongUnit(detail);
    if (w) return { ok: false, problem: 'wrongUnit', detail: `«${w.stated}» ≠ «${w.sender}»` };
    const why = parseUnreadable(detail);
    if (why) return { ok: false, problem: 'unreadable', detail: why };
  }
  const token = new Headers(init.headers).get('Authorization')?.replace(/^Bearer /, '') ?? '';
  const problem =
    res.status === 401 && tokenExpired(token)
      ? 'expired'
      : res.status === 401 || res.status === 403
        ? 'refused'
        : 'failed';
  return { ok: false, problem, detail: `${res.status} ${detail}`.trim() };
}

/** Whether a document is a department's submission (what can be sent). */
export const isSubmissionDoc = (document: string) =>
  /^plan\/[^/]+\/submission\/[^/]+$/.test(document);

/** Sends a submission file for the document a workbook is connected to. */
export function sendSubmission(
  settings: SyncSettings,
  fileName: string,
  bytes: Uint8Array,
  f: Fetch = fetch,
): Promise<ServerResult<SentSubmission>> {
  const q = new URLSearchParams({ doc: settings.document, file: fileName });
  return call(
    f,
    `${httpOf(settings.url)}/submissions?${q}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${settings.token}`,
        'Content-Type': 'application/octet-stream',
      },
      body: bytes as BodyInit,
    },
    (r) => r.json() as Promise<SentSubmission>,
  );
}

/** What was sent for a plan, oldest first. */
export function listSubmissions(
  s: IntakeServer,
  f: Fetch = fetch,
): Promise<ServerResult<SentSubmission[]>> {
  return call(
    f,
    `${httpOf(s.url)}/submissions?${new URLSearchParams({ plan: s.plan })}`,
    { headers: { Authorization: `Bearer ${s.token}` } },
    (r) => r.json() as Promise<SentSubmission[]>,
  );
}

/** One sent file's bytes. */
export function fetchSubmission(
  s: IntakeServer,
  id: number,
  f: Fetch = fetch,
): Promise<ServerResult<Uint8Array>> {
  return call(
    f,
    `${httpOf(s.url)}/submissions/${id}`,
    { headers: { Authorization: `Bearer ${s.token}` } },
    async (r) => new Uint8Array(await r.arrayBuffer()),
  );
}

/** Each unit's latest send that this consolidation has not received yet (same content hash). */
export function newSends(
  sent: readonly SentSubmission[],
  received: ReadonlyMap<string, Submission>,
): SentSubmission[] {
  const have = new Set([...received.values()].map((s) => s.provenance.sha256));
  const latest = new Map<string, SentSubmission>();
  for (const s of sent) if ((latest.get(s.unit)?.id ?? -1) < s.id) latest.set(s.unit, s);
  return [...latest.values()].filter((s) => !have.has(s.sha256)).sort((a, b) => a.id - b.id);
}

/**
 * Reads the units' new sends as dropped files are read, to be confirmed the same way, each under
 * the unit the server certifies (the sender's account), matched to an expected unit by that
 * unit's names only, never by the file's words (`certify`). The note says who sent it.
 */
export async function readSentSubmissions(
  c: Consolidation,
  subs: ReadonlyMap<string, Submission>,
  server: IntakeServer,
  note: (s: SentSubmission) => string,
  f: Fetch = fetch,
): Promise<ServerResult<PendingSubmission[]>> {
  const list = await listSubmissions(server, f);
  if (!list.ok) return list;
  const fresh = newSends(list.value, subs);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const s of fresh) {
    const got = await fetchSubmission(server, s.id, f);
    if (!got.ok) return got;
    files.push({ name: s.fileName, bytes: got.value });
  }
  const read = await readSubmissions(c, subs, files, () => new Date());
  return { ok: true, value: read.map((p, i) => certify(c, p, fresh[i], note(fresh[i]))) };
}

/**
 * A file read from a send, put under its certified sender's unit. When the file's title block
 * states another unit: if that is another unit this consolidation expects, the file is refused
 * (taking it would file that unit's figures in the sender's place: a wrong file, or a unit
 * posing as another); otherwise (the province's UBND left in a copied header, a superior body,
 * an unknown name) it is taken under the sender's unit with the difference shown as a warning.
 */
export function certify(
  c: Consolidation,
  p: PendingSubmission,
  s: SentSubmission,
  note: string,
): PendingSubmission {
  if (!p.submission) return { ...p, note };
  const pv = p.submission.provenance;
  const sender = senderUnitLabel(s);
  const cert = certifiedUnit(s, c.form.units);
  const differs = pv.unitFrom === 'file' && !statedIsSender(pv.unit, s, c.form.units);
  if (differs && matchUnit(pv.unit, c.form.units)) {
    const wrongUnit = { stated: pv.unit, sender, refused: true };
    return { name: p.name, bytes: p.bytes, unit: '', note, wrongUnit };
  }
  const unit = cert ?? sender;
  return {
    ...p,
    unit,
    note,
    ...(cert ? { certified: cert } : {}),
    ...(differs ? { wrongUnit: { stated: pv.unit, sender, refused: false } } : {}),
    submission: { ...p.submission, provenance: { ...pv, unit, unitFrom: 'server' } },
  };
}
