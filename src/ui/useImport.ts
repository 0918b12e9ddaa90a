/** Importing a dropped or chosen file: read off the main thread, then preview, then store. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ImportError, storeError } from '../app/importer';
import type { PreviewFix } from '../app/importFixes';
import type { PreviewHandle } from '../app/previewSession';
import type { PlanbookApp } from '../app/services';
import type { Workbook } from '../domain/types';
import type { PlanReading, ReadOptions } from '../io/readPlan';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; slow: boolean }
  | {
      phase: 'preview';
      name: string;
      bytes: Uint8Array;
      reading: PlanReading;
      /** The preview's worker: the totals, after each correction too. */
      handle: PreviewHandle;
      options: ReadOptions;
    }
  | { phase: 'error'; name: string; error: ImportError };

/** What the officer changed in the preview: corrections in order, rows marked ignored. */
export interface PreviewEdits {
  fixes: PreviewFix[];
  ignored: string[];
}

/** Whether a file's agreeing section and total figures become live totals (a spreadsheet's). */
export function keepsLiveTotals(name: string): boolean {
  return !/\.planbook$/i.test(name);
}

export function useImport(app: PlanbookApp, onOpen: (id: string) => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const run = useRef(0);
  /** The shown preview's worker, ended when the preview goes (or another read starts). */
  const open = useRef<PreviewHandle | null>(null);
  const endPreview = useCallback(() => {
    open.current?.close();
    open.current = null;
  }, []);
  useEffect(() => endPreview, [endPreview]);
  // the preview's worker started ahead while the import is at hand (not while the officer waits)
  useEffect(() => app.keepImportWarm(), [app]);

  const read = useCallback(
    async (name: string, bytes: Uint8Array, options: ReadOptions = {}) => {
      const me = ++run.current;
      endPreview();
      setState({ phase: 'reading', name, slow: false });
      const slow = setTimeout(
        () => run.current === me && setState({ phase: 'reading', name, slow: true }),
        500,
      );
      try {
        const handle = await app.readForPreview(name, bytes, options);
        if (run.current !== me) return handle.close();
        open.current = handle;
        setState({ phase: 'preview', name, bytes, reading: handle.reading, handle, options });
      } catch (e) {
        if (run.current === me) setState({ phase: 'error', name, error: e as ImportError });
      } finally {
        clearTimeout(slow);
      }
    },
    [app, endPreview],
  );

  const pick = useCallback(
    async (file: File) => read(file.name, new Uint8Array(await file.arrayBuffer())),
    [read],
  );

  const reread = useCallback(
    (sheet: string, start: number, end: number) => {
      if (state.phase !== 'preview') return;
      void read(state.name, state.bytes, {
        bands: { ...state.options.bands, [sheet]: { start, end } },
      });
    },
    [state, read],
  );

  const confirm = useCallback(
    async (wb: Workbook, edits?: PreviewEdits) => {
      const name = state.phase === 'preview' ? state.name : wb.meta.title;
      // a .planbook keeps its figures as saved; a spreadsheet's that add up become live totals,
      // computed in the preview's worker while the preview was shown (else here)
      const spreadsheet = keepsLiveTotals(name);
      const live =
        spreadsheet && edits && state.phase === 'preview'
          ? await state.handle.liveAfter(edits.fixes, edits.ignored).catch(() => null)
          : null;
      let id: string;
      try {
        id = await app.createFromImport(wb, spreadsheet, live);
      } catch (e) {
        endPreview();
        setState({ phase: 'error', name, error: storeError(e) });
        return;
      }
      endPreview();
      setState({ phase: 'idle' });
      onOpen(id);
    },
    [app, onOpen, state, endPreview],
  );

  const cancel = useCallback(() => {
    run.current++;
    endPreview();
    setState({ phase: 'idle' });
  }, [endPreview]);

  return { state, pick, reread, confirm, cancel };
}
