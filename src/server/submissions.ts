/**
 * Submissions sent through the server instead of a file. A department sends its submission
 * workbook (the `.xlsx` the app exports) for the submission document it may write:
 * `POST /submissions?doc=plan/<plan>/submission/<unit>&file=<name>`; the unit recorded is the
 * account's (its code and, when the accounts give one, its display name: the unit the server
 * vouches for), so a department can send only its own unit's; a file stating another unit the plan
 * expects is refused (`statedUnit.ts`). The consolidating department lists a
 * plan's submissions (`GET /submissions?plan=<plan>`) and fetches one (`GET /submissions/<id>`);
 * nobody else may read them. Every send, fetch and refusal goes to the audit trail.
 */
import { createHash } from 'node:crypto';
import type { AuditKind } from '../domain/auditKinds';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessOf, type Account, parseDocName } from './accounts';
import type { AuditRow, DocStore } from './store';
import { expectedUnits, readUnitHere, type StatedUnitReader, wrongUnit } from './statedUnit';
import { verifyToken } from './tokens';

/** The largest submission file accepted (bytes). */
export const MAX_SUBMISSION = 20 * 2 ** 20;

export interface SubmissionDeps {
  store: DocStore;
  secret: () => string;
  account: (id: string) => Account | undefined;
  /** Every account (the units a plan expects; absent: the file's stated unit is not checked). */
  accounts?: () => Account[];
  /** Reads a sent file's stated unit (default: in this thread). */
  statedUnit?: StatedUnitReader;
  /** Queues audit lines. */
  audit: (rows: AuditRow[]) => void;
  /** Answers with a status and a body (JSON unless `type` says otherwise). */
  send: (res: ServerResponse, code: number, body: string | Uint8Array, type?: string) => void;
}

/** The account of a request's bearer token, or why there is none. */
export function requestAccount(
  req: IncomingMessage,
  url: URL,
  deps: Pick<SubmissionDeps, 'secret' | 'account'>,
): { account: Account } | { error: string } {
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? '');
  const v = verifyToken(deps.secret(), token);
  if (!v.ok) return { error: v.error };
  const account = deps.account(v.claims.sub);
  return account ? { account } : { error: 'unknown account' };
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (b: Buffer) => {
      size += b.length;
      if (size > max) {
        reject(new TooLarge());
        req.destroy();
      } else parts.push(b);
    });
    req.once('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
    req.once('error', reject);
  });
}

/** Whether an account may read a plan's submissions: the consolidating department only. */
export function readsSubmissions(a: Account, plan: string): boolean {
  return a.role === 'consolidator' && accessOf(a, `plan/${plan}/consolidation`) === 'write';
}

/** Answers `/submissions…` (true), or leaves the request alone (false). */
export async function handleSubmissions(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: SubmissionDeps,
): Promise<boolean> {
  const m = /^\/submissions(?:\/(\d+))?\/?$/.exec(url.pathname);
  if (!m) return false;
  const json = (code: number, v: unknown) => deps.send(res, code, JSON.stringify(v));
  const who = requestAccount(req, url, deps);
  if ('error' in who) {
    json(401, { error: who.error });
    return true;
  }
  const a = who.account;
  const line = (doc: string, kind: AuditKind, detail: string, after?: unknown): AuditRow => ({
    doc,
    at: Date.now(),
    account: a.id,
    unit: a.unit,
    kind,
    detail,
    ...(after === undefined ? {} : { after: JSON.stringify(after) }),
  });
  const refuse = (doc: string, why: string) => {
    deps.audit([line(doc, 'refused', why)]);
    json(403, { error: `${a.id} may not ${why}` });
    return true;
  };

  if (req.method === 'POST' && !m[1]) {
    const doc = url.searchParams.get('doc') ?? '';
    const d = parseDocName(doc);
    if (!d || d.part !== 'submission' || accessOf(a, doc) !== 'write')
      return refuse(doc || '?', `send the submission ${doc || '(none)'}`);
    let bytes: Uint8Array;
    try {
      bytes = await readBody(req, MAX_SUBMISSION);
    } catch (e) {
      json(e instanceof TooLarge ? 413 : 400, { error: 'the file could not be received' });
      return true;
    }
    if (!bytes.length) {
      json(400, { error: 'the file is empty' });
      return true;
    }
    const fileName = (url.searchParams.get('file') ?? '').trim().slice(0, 200) || `${d.unit}.xlsx`;
    // the file's own words: one stating another unit of the plan is refused, as the intake does
    const read = deps.accounts ? await (deps.statedUnit ?? readUnitHere)(fileName, bytes) : null;
    if (read && 'refused' in read) {
      const why = `the file could not be read: ${read.refused}`;
      deps.audit([line(doc, 'refused', `${fileName}: ${why}`)]);
      json(422, { error: why, code: 'unreadable', reason: read.refused });
      return true;
    }
    const wrong =
      read && deps.accounts
        ? wrongUnit(read.unit, a, expectedUnits(deps.accounts(), d.plan))
        : null;
    if (wrong) {
      const why = `the file states the unit «${wrong.stated}», not the sender's «${wrong.sender}»`;
      deps.audit([line(doc, 'refused', `${fileName}: ${why}`)]);
      json(422, { error: why, code: 'wrongUnit', ...wrong });
      return true;
    }
    const sent = {
      plan: d.plan,
      unit: a.unit,
      unitName: a.unitName ?? null,
      account: a.id,
      name: a.name,
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      at: Date.now(),
    };
    const id = await deps.store.addSubmission(sent, bytes);
    deps.audit([line(doc, 'submit', fileName, { id, sha256: sent.sha256, size: sent.size })]);
    json(201, { id, ...sent });
    return true;
  }

  if (req.method !== 'GET') {
    json(405, { error: 'method not allowed' });
    return true;
  }
  if (!m[1]) {
    const plan = url.searchParams.get('plan') ?? '';
    if (!readsSubmissions(a, plan))
      return refuse(`plan/${plan}/consolidation`, `read the submissions of ${plan || '(none)'}`);
    json(200, await deps.store.submissions(plan));
    return true;
  }
  const got = await deps.store.submissionFile(Number(m[1]));
  if (!got || !readsSubmissions(a, got.info.plan)) {
    // the same answer whether it exists or not: nothing learnt without the right
    return refuse(got ? `plan/${got.info.plan}/consolidation` : '?', `read the submission ${m[1]}`);
  }
  const doc = `plan/${got.info.plan}/submission/${got.info.unit}`;
  deps.audit([line(doc, 'fetch', got.info.fileName, { id: got.info.id })]);
  deps.send(res, 200, got.bytes, 'application/octet-stream');
  return true;
}
