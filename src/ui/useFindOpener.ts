/** Opening a find bar: its field, and Ctrl+F anywhere in the view. */
import { useCallback, useEffect, useRef } from 'react';

/**
 * The bar's field; `openFind` (also bound to Ctrl+F) opens the bar through `setOpen` with the
 * field focused.
 */
export function useFindOpener(setOpen: (open: boolean) => void) {
  const input = useRef<HTMLInputElement | null>(null);

  const openFind = useCallback(() => {
    setOpen(true);
    setTimeout(() => {
      input.current?.focus();
      input.current?.select();
    }, 0);
  }, [setOpen]);

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        e.stopPropagation();
        openFind();
      }
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [openFind]);

  return { input, openFind };
}
