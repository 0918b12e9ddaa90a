/** Opening a find bar: its open state, its field, and Ctrl+F anywhere in the view. */
import { useCallback, useEffect, useRef, useState } from 'react';

/** The bar's open state and field; `openFind` (also bound to Ctrl+F) opens it with the field focused. */
export function useFindOpener() {
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);

  const openFind = useCallback(() => {
    setOpen(true);
    setTimeout(() => {
      input.current?.focus();
      input.current?.select();
    }, 0);
  }, []);

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

  return { open, setOpen, input, openFind };
}
