/** The appendix's own buttons in the workbook header: sharing, find, the form's settings, print. */
import type { OpenedWorkbook } from '../app/services';
import { FindToggle } from './FindBar';
import { useLang } from './i18n';
import { SyncToggle } from './SyncPanel';

/** The header's extra buttons of an appendix (each only opens or runs its own panel or action). */
export function AppendixHeaderExtras(p: {
  link: OpenedWorkbook['sync'];
  onSync: () => void;
  onFind: () => void;
  onForm: () => void;
  onPrint: () => void;
}) {
  const { t } = useLang();
  return (
    <>
      {p.link && <SyncToggle link={p.link} onClick={p.onSync} />}
      <FindToggle onOpen={p.onFind} />
      <button type="button" data-testid="form-toggle" onClick={p.onForm}>
        {t('form_toggle')}
      </button>
      <button
        type="button"
        data-testid="print-form-button"
        title={t('printFormTitle')}
        onClick={p.onPrint}
      >
        {t('printForm')}
      </button>
    </>
  );
}
