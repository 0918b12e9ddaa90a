import { describe, expect, it } from 'vitest';
import type { Submission } from '../domain/consolidateTypes';
import {
  isSubmissionDoc,
  newSends,
  sendSubmission,
  type SentSubmission,
} from './serverSubmissions';

const sent = (id: number, unit: string, sha256: string): SentSubmission => ({
  id,
  plan: 'p',
  unit,
  account: unit,
  name: unit,
  fileName: `${unit}-${id}.xlsx`,
  sha256,
  size: 1,
  at: id,
});
const received = (...hashes: string[]) =>
  new Map(hashes.map((h, i) => [`s${i}`, { provenance: { sha256: h } } as Submission]));

describe('submissions sent through the server', () => {
  it("takes each unit's latest send, unless this consolidation already received that file", () => {
    const list = [
      sent(1, 'yte', 'a'),
      sent(2, 'gtvt', 'b'),
      sent(3, 'yte', 'c'),
      sent(4, 'nv', 'd'),
    ];
    expect(newSends(list, received()).map((s) => s.id)).toEqual([2, 3, 4]);
    expect(newSends(list, received('c', 'b')).map((s) => s.id)).toEqual([4]);
    // an earlier file received does not hide the latest one
    expect(newSends(list, received('a')).map((s) => s.id)).toEqual([2, 3, 4]);
  });

  it('knows a submission document (what a department can send)', () => {
    expect(isSubmissionDoc('plan/p1/submission/gtvt')).toBe(true);
    expect(isSubmissionDoc('plan/p1/consolidation')).toBe(false);
    expect(isSubmissionDoc('plan/p1/submission/gtvt/x')).toBe(false);
  });

  it('a file the server could not read within its bounds: its own problem, with the reason', async () => {
    const reason = 'reading took longer than 20 s and was stopped (the file may be damaged)';
    const body = { error: `the file could not be read: ${reason}`, code: 'unreadable', reason };
    const f = (() =>
      Promise.resolve(new Response(JSON.stringify(body), { status: 422 }))) as typeof fetch;
    const settings = { url: 'ws://x', document: 'plan/p/submission/u', token: 't' };
    expect(await sendSubmission(settings, 'a.xlsx', new Uint8Array(4), f)).toEqual({
      ok: false,
      problem: 'unreadable',
      detail: reason,
    });
  });

  it('a token the server refuses once expired: said as expired, not as a missing right', async () => {
    const f = (() =>
      Promise.resolve(new Response('token expired', { status: 401 }))) as typeof fetch;
    const claims = (exp: number) =>
      `pb1.${btoa(JSON.stringify({ sub: 'lan', iat: 0, exp })).replace(/=+$/, '')}.sig`;
    const settings = (token: string) => ({ url: 'ws://x', document: 'plan/p/submission/u', token });
    const now = Math.floor(Date.now() / 1000);
    const send = (token: string) => sendSubmission(settings(token), 'a.xlsx', new Uint8Array(4), f);
    expect(await send(claims(now - 60))).toMatchObject({ ok: false, problem: 'expired' }); // was refused
    expect(await send(claims(now + 3600))).toMatchObject({ ok: false, problem: 'refused' });
  });
});
