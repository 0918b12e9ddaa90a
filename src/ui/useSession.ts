/**
 * The one way the UI reads the session: a selector over it, re-read whenever the session changes
 * (a step, a reload, the save state, read-only), through React's `useSyncExternalStore`.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { WorkbookSession } from '../app/session';

/** What `select` returns of the session now; the component renders again when it changes. */
export function useSession<T>(session: WorkbookSession, select: (s: WorkbookSession) => T): T {
  const get = useCallback(() => select(session), [session, select]);
  return useSyncExternalStore(session.subscribeStore, get, get);
}

/** The session's version: re-renders on every change (for components that read many things). */
export const byVersion = (s: WorkbookSession): number => s.version;
/** The save state. */
export const bySaveState = (s: WorkbookSession) => s.saveState;
/** Whether the session refuses edits. */
export const byReadOnly = (s: WorkbookSession): boolean => s.readOnly;
