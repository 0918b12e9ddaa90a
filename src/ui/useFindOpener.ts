/** Opening a find bar: its field, Ctrl+F (find) and Ctrl+H (find and replace) anywhere in the view. */
import { useCallback, useEffect, useRef } from 'react';

/**
 * The bar's field; `openFind` (also bound to Ctrl+F; Ctrl+H with `replace`) opens the bar through
 * `setOpen` with the field focused.
 */
export function useFindOpener(setOpen: (open: boolean, replace: boolean) => void) {
  const input = useRef<HTMLInputElement | null>(null);

  const openFind = useCallback(
    (replace?: unknown) => {
      setOpen(true, replace === true);
      setTimeout(() => {
        input.current?.focus();
        input.current?.select();
      }, 0);
    },
    [setOpen],
  );

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      const k = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (k === 'f' || k === 'h')) {
        e.preventDefault();
        e.stopPropagation();
        openFind(k === 'h');
      }
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [openFind]);

  return { input, openFind };
}
