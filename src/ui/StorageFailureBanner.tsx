/** The banner of a workbook whose changes storage refused: the cause, and a .planbook file to save. */
import type { StorageFailure } from '../app/storageFailure';
import { download } from './download';
import { useLang } from './i18n';

export function StorageFailureBanner(p: {
  failure: StorageFailure;
  fileName: string;
  exportText: () => string;
}) {
  const { t } = useLang();
  return (
    <div className="pb-banner pb-banner-error" role="alert" data-testid="storage-failure">
      {t(`storage_${p.failure.cause}`, { detail: p.failure.detail })}{' '}
      <button
        type="button"
        data-testid="save-to-file"
        onClick={() => download(p.fileName, p.exportText(), 'application/json')}
      >
        {t('saveToFile')}
      </button>
    </div>
  );
}
