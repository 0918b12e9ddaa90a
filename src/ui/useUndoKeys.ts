/** Ctrl+Z / Ctrl+Y anywhere on a pane without its own grid keys, except in a text field. */
import { useEffect } from 'react';
import type { WorkbookSession } from '../app/session';

export function useUndoKeys(session: WorkbookSession): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.tagName === 'INPUT') return;
      if (!(e.ctrlKey || e.metaKey) || (e.key !== 'z' && e.key !== 'y')) return;
      e.preventDefault();
      if (e.key === 'z') session.undo();
      else session.redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session]);
}
