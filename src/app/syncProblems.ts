/**
 * Why a connection to the collaboration server failed, in terms the messages name: the first
 * answer awaited, a refusal told apart (format, expired token, no right).
 */
import { parseFormatRefusal } from '../domain/syncFormat';
import { type SyncClient, tokenExpired } from '../storage/sync/client';

/** Why connecting failed, or a change from the server could not be followed (one message each). */
export type SyncProblem =
  | 'documentNotEmpty'
  | 'documentEmpty'
  | 'refused'
  | 'expired'
  | 'format'
  | 'notApplied'
  | 'unreachable';

/**
 * Why the server refused the connection, and the detail the message names: the format refused
 * (the server's words), the token expired, else refused (the document named, never Hocuspocus's
 * `permission-denied`).
 */
export function refusalOf(client: SyncClient): { problem: SyncProblem; detail: string } {
  if (parseFormatRefusal(client.refusal)) return { problem: 'format', detail: client.refusal };
  const { token, document } = client.target;
  return { problem: tokenExpired(token) ? 'expired' : 'refused', detail: document };
}

/** Resolves when the server has answered once (null), or when it refused or cannot be reached. */
export function firstSync(client: SyncClient, ms = 15_000): Promise<SyncProblem | null> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.status === 'refused') done(refusalOf(client).problem);
      else if (client.provider.isSynced) done(null);
    };
    const timer = setTimeout(() => done('unreachable'), ms);
    const off = client.subscribe(check);
    const done = (x: SyncProblem | null) => {
      clearTimeout(timer);
      off();
      resolve(x);
    };
    check();
  });
}

/** The detail a problem's message names. */
export function detailOf(client: SyncClient, problem: SyncProblem): string {
  return client.status === 'refused' && problem !== 'unreachable'
    ? refusalOf(client).detail
    : client.refusal;
}
