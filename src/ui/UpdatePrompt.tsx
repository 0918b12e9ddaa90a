/** The prompt of a waiting update: applying it writes pending edits first, then reloads. */
import { useState } from 'react';
import { useLang } from './i18n';
import { useUpdate, writesDone } from './updates';

export function UpdatePrompt() {
  const { t } = useLang();
  const apply = useUpdate();
  const [busy, setBusy] = useState(false);
  if (!apply) return null;
  return (
    <div className="pb-banner pb-banner-info" role="status" data-testid="update-ready">
      {t('updateReady')}{' '}
      <button
        type="button"
        data-testid="update-apply"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void writesDone().then(apply);
        }}
      >
        {t('updateApply')}
      </button>
    </div>
  );
}
