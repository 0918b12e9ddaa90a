/**
 * Importing a disbursement report into a tracking: read and paired in a worker (the page stays
 * usable, a line says what is under way), then recorded as one load of the tracking in short steps
 * (the page keeps responding; edits wait; the views are told once all is in); the outcome or the
 * refusal as a message.
 */
import { useState } from 'react';
import type { ExecutionSession } from '../../app/execution';
import type { ImportError } from '../../app/importer';
import { afterPaint } from '../../app/inSteps';
import { readAndPair } from '../../app/reportImport';
import { viDate } from '../../domain/executionText';
import { type UnitNote, unitWords } from '../../domain/executionUnits';
import { type T, useLang } from '../i18n';

type Message = { text: string; kind: 'info' | 'error' } | null;

/** Lets the browser paint (the progress line) before a long step (not waiting on a hidden page). */
const nextPaint = () => new Promise<void>((done) => void afterPaint(done, 100));

/** What the unit check of an import found, in the user's words. */
function unitMessage(n: UnitNote, t: T) {
  const unit = unitWords(n.scale) || '?';
  if (n.kind === 'doubt')
    return t('execUnitDoubt', { rate: Math.round((n.rate ?? 0) * 100), lines: n.lines });
  if (n.kind === 'contradicted')
    return t('execUnitContradicted', { stated: n.stated, lines: n.lines, unit });
  return t('execUnitInferred', { lines: n.lines, unit });
}

/** The import of a report file and what is under way (null: nothing). */
export function useReportImport(
  session: ExecutionSession,
  setMessage: (m: Message) => void,
  setPeriodId: (id: string) => void,
): { importFile: (file: File) => Promise<void>; busy: string | null } {
  const { t } = useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const importFile = async (file: File) => {
    try {
      setBusy(t('execImportReading', { name: file.name }));
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await readAndPair(file.name, bytes, session.plan.year, session.plan);
      setBusy(t('execImportRecording', { name: file.name }));
      await nextPaint();
      const r = await session.importReportInSteps(read.reading, read.pre);
      if (!r) {
        setMessage({
          kind: 'error',
          text: t('execImportFailed', { name: file.name, why: t('execNoDisbursement') }),
        });
        return;
      }
      setPeriodId(r.end);
      setMessage({
        kind: r.unit?.kind === 'doubt' ? 'error' : 'info',
        text: [
          t('execImported', {
            file: r.file,
            date: viDate(r.end),
            matched: r.matched,
            unmatched: r.unmatched.length,
          }),
          r.replaced ? t('execImportReplaced', { date: viDate(r.end) }) : '',
          r.unit ? unitMessage(r.unit, t) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (e) {
      // a reading refused (an ImportError), or a failure while recording: never a bare key
      const err: ImportError =
        e && typeof e === 'object' && 'code' in e
          ? (e as ImportError)
          : { code: 'unexpected', detail: e instanceof Error ? e.message : String(e) };
      setMessage({
        kind: 'error',
        text: t('execImportFailed', {
          name: file.name,
          why: t(`imp_${err.code}`, { detail: err.detail }),
        }),
      });
    } finally {
      setBusy(null);
    }
  };
  return { importFile, busy };
}
