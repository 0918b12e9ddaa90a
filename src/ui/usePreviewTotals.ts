/**
 * The import preview's totals, from the preview's worker (or the page when it cannot); and the live
 * totals the confirm stores, asked of the worker ahead.
 */
import { useEffect, useState } from 'react';
import { type PreviewFix, withFixes } from '../app/importFixes';
import { whenIdle } from '../app/inSteps';
import type { PreviewHandle } from '../app/previewSession';
import { previewTotals, type PreviewTotals } from '../app/previewTotals';
import type { Workbook } from '../domain/types';

/**
 * The preview's totals after `fixes` (null while they are computed): from the preview's worker;
 * computed on the page, in an idle moment, only where the worker could not.
 */
export function usePreviewTotals(
  handle: Pick<PreviewHandle, 'totals' | 'totalsAfter'>,
  read: Workbook,
  fixes: PreviewFix[],
): PreviewTotals | null {
  const [got, setGot] = useState<{ fixes: PreviewFix[]; totals: PreviewTotals } | null>(null);
  useEffect(() => {
    let live = true;
    let cancel = () => undefined as void;
    const show = (totals: PreviewTotals) => live && setGot({ fixes, totals });
    (fixes.length ? handle.totalsAfter(fixes) : handle.totals).then(show, () => {
      if (live) cancel = whenIdle(() => show(previewTotals(withFixes(read, fixes))), 500);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [handle, read, fixes]);
  // figures of earlier corrections are never shown as those of the plan now
  return got && got.fixes === fixes ? got.totals : null;
}

/**
 * Asks the preview's worker for the live totals of the plan as it would be confirmed (after
 * `fixes`, without the `ignored` rows) once `ready` (the totals shown: the worker is free), so that
 * they are there when the officer confirms; the confirm asks again and gets the same answer.
 */
export function usePreviewLive(
  handle: Pick<PreviewHandle, 'liveAfter'>,
  fixes: PreviewFix[],
  ignored: string[],
  ready: boolean,
): void {
  useEffect(() => {
    if (ready) void handle.liveAfter(fixes, ignored).catch(() => undefined);
  }, [handle, fixes, ignored, ready]);
}
