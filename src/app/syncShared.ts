/**
 * Where a workbook is shared, and fetching the workbook a shared document holds (to open it
 * here) without following it.
 */
import { newId } from '../domain/ids';
import type { Workbook } from '../domain/types';
import { SyncClient } from '../storage/sync/client';
import { detailOf, firstSync, type SyncProblem } from './syncProblems';

/** Where a workbook is shared. */
export interface SyncSettings {
  url: string;
  document: string;
  token: string;
}

/**
 * The workbook a shared document holds (to store it here as a new workbook of the same lineage,
 * then connect it), or why it cannot be had.
 */
export async function fetchShared(
  settings: SyncSettings,
  options: { WebSocketPolyfill?: unknown } = {},
): Promise<{ workbook: Workbook } | { problem: SyncProblem; detail: string }> {
  const client = new SyncClient(
    { url: settings.url, document: settings.document, token: settings.token },
    { base: { id: newId('w'), createdAt: Date.now(), updatedAt: Date.now() }, ...options },
  );
  try {
    const problem = await firstSync(client);
    if (problem) return { problem, detail: detailOf(client, problem) };
    const wb = client.shared.workbook;
    return wb ? { workbook: wb } : { problem: 'documentEmpty', detail: settings.document };
  } finally {
    await client.destroy();
  }
}

/** The server's HTTP address for a WebSocket address. */
export const httpOf = (url: string) => url.replace(/^ws(s?):/, 'http$1:').replace(/\/+$/, '');
