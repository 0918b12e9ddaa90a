/**
 * `useSession` for the views around the grid (header, toolbar, formula bar, checks panel, status):
 * the re-render a change asks for is a React transition, so the grid's own updates of an edit (the
 * cell, its sections and the totals) reach the screen first and the rest follows in a later task
 * that typing interrupts instead of waiting for.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { WorkbookSession } from '../app/session';

/** What `select` returns of the session now; the component renders again, deferred, on a change. */
export function useSessionDeferred<T>(
  session: WorkbookSession,
  select: (s: WorkbookSession) => T,
): T {
  const [, bump] = useState(0);
  const seen = useRef(session.version);
  seen.current = session.version;
  useEffect(() => {
    const follow = () => startTransition(() => bump((x) => x + 1));
    const off = session.subscribeStore(follow);
    // a change between this render and the subscription
    if (session.version !== seen.current) follow();
    return off;
  }, [session]);
  return select(session);
}
