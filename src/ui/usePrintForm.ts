/**
 * Printing the appendix as the form: whatever starts the print (Ctrl+P, the browser's menu, the
 * Print button), the form is rendered before the page is laid out for paper and removed after; the
 * check report's own print (body.pb-printing) is left alone.
 */
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export const PRINT_FORM_CLASS = 'pb-print-form-on';

export function usePrintForm(): { printing: boolean; print: () => void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => {
      if (document.body.classList.contains('pb-printing')) return;
      flushSync(() => setPrinting(true));
      document.body.classList.add(PRINT_FORM_CLASS);
    };
    const after = () => {
      document.body.classList.remove(PRINT_FORM_CLASS);
      setPrinting(false);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      document.body.classList.remove(PRINT_FORM_CLASS);
    };
  }, []);
  const print = useCallback(() => window.print(), []);
  return { printing, print };
}
