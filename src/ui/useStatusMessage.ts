/**
 * The status line's message, cleared when the situation it spoke of changes: a step is applied
 * (an edit, undo, another tab's change), the sheet changes, or the user moves the selection
 * (a move within a moment of the message is the grid's own and keeps it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookSession } from '../app/session';
import type { StatusLineProps } from './StatusLine';

type Message = StatusLineProps['message'];

/** How long after a message a selection change is taken as the grid's, not the user's (ms). */
const GRACE_MS = 400;

export function useStatusMessage(session: WorkbookSession, sheetId: string) {
  const [message, set] = useState<Message>(null);
  const at = useRef(0);
  // what is shown: clearing an empty line asks React for nothing (no render in an edit's path)
  const shown = useRef<Message>(null);
  const show = useCallback((m: Message) => {
    if (m === null && shown.current === null) return;
    shown.current = m;
    set(m);
  }, []);
  const setMessage = useCallback(
    (m: Message) => {
      at.current = performance.now();
      show(m);
    },
    [show],
  );
  useEffect(() => session.subscribe(() => show(null)), [session, show]);
  useEffect(() => show(null), [sheetId, show]);
  /** The selection moved: a message from before is stale. */
  const moved = useCallback(() => {
    if (performance.now() - at.current > GRACE_MS) show(null);
  }, [show]);
  return { message, setMessage, moved };
}
