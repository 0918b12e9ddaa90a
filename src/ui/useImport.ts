/** Importing a dropped or chosen file: read off the main thread, then preview, then store. */
import { useCallback, useRef, useState } from 'react';
import { type ImportError, readForImport, storeError } from '../app/importer';
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
      options: ReadOptions;
    }
  | { phase: 'error'; name: string; error: ImportError };

export function useImport(app: PlanbookApp, onOpen: (id: string) => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const run = useRef(0);

  const read = useCallback(async (name: string, bytes: Uint8Array, options: ReadOptions = {}) => {
    const me = ++run.current;
    setState({ phase: 'reading', name, slow: false });
    const slow = setTimeout(
      () => run.current === me && setState({ phase: 'reading', name, slow: true }),
      500,
    );
    try {
      const reading = await readForImport(name, bytes, options);
      if (run.current === me) setState({ phase: 'preview', name, bytes, reading, options });
    } catch (e) {
      if (run.current === me) setState({ phase: 'error', name, error: e as ImportError });
    } finally {
      clearTimeout(slow);
    }
  }, []);

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
    async (wb: Workbook) => {
      const name = state.phase === 'preview' ? state.name : wb.meta.title;
      let id: string;
      try {
        id = await app.createFromImport(wb);
      } catch (e) {
        setState({ phase: 'error', name, error: storeError(e) });
        return;
      }
      setState({ phase: 'idle' });
      onOpen(id);
    },
    [app, onOpen, state],
  );

  const cancel = useCallback(() => {
    run.current++;
    setState({ phase: 'idle' });
  }, []);

  return { state, pick, reread, confirm, cancel };
}
