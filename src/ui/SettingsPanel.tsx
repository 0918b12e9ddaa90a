/**
 * Cài đặt (Settings): where the data is kept, the browser's answer to the request for persistent
 * storage and the space used, in plain words; how automatic backups work.
 */
import { useEffect, useState } from 'react';
import type { BackupPolicy } from '../app/backupPolicy';
import { type StorageStatus, storageStatus } from '../app/persistence';
import { formatBytes, formatShare } from './formatBytes';
import { useLang } from './i18n';

export function SettingsPanel({ policy, onClose }: { policy: BackupPolicy; onClose: () => void }) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    void storageStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  const b = (n: number) => formatBytes(n, lang);
  let usage = t('usageUnknown');
  if (status?.usage != null && status.quota)
    usage = t('usageOf', {
      used: b(status.usage),
      quota: b(status.quota),
      pct: formatShare(status.usage, status.quota, lang),
    });
  else if (status?.usage != null) usage = t('usageOnly', { used: b(status.usage) });
  return (
    <section className="pb-settings" data-testid="settings" aria-label={t('settings')}>
      <h2>{t('settings')}</h2>
      <h3>{t('settingsStorage')}</h3>
      <p>{t('settingsWhere')}</p>
      <p data-testid="settings-persist">
        {status === null
          ? t('persistAsking')
          : status.persisted === true
            ? t('persistYes')
            : status.persisted === false
              ? t('persistNo')
              : t('persistUnknown')}
      </p>
      {status && <p data-testid="settings-usage">{usage}</p>}
      <h3>{t('settingsBackups')}</h3>
      <p>
        {t('backupPolicyText', {
          steps: policy.everySteps,
          minutes: Math.round(policy.everyMs / 60_000),
          last: policy.keepLast,
          days: policy.days,
          mb: b(policy.maxBytes),
        })}
      </p>
      <button type="button" onClick={onClose}>
        {t('settingsClose')}
      </button>
    </section>
  );
}
