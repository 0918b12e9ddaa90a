/** The workbook header: back, title and document line, checks badge, save state, .planbook file. */
import type { SaveState } from '../app/session';
import type { PlanMeta } from '../domain/types';
import { fileStem } from '../app/fileName';
import { download } from './download';
import { useLang } from './i18n';

export interface WorkbookHeaderProps {
  meta: PlanMeta;
  saveState: SaveState;
  commits: number;
  errors: number;
  warnings: number;
  /** The checks have not run yet (a large workbook's engine is still being built). */
  checking?: boolean;
  onBack: () => void;
  onToggleChecks: () => void;
  exportText: () => string;
  onExportXlsx: () => void;
  onExportCsv: () => void;
  /** Opens the workbook's versions (absent for a revision opened read-only). */
  onVersions?: () => void;
  /** More buttons (the collaboration toggle). */
  extra?: React.ReactNode;
}

export function WorkbookHeader(p: WorkbookHeaderProps) {
  const { t } = useLang();
  const { meta, saveState } = p;
  const saveLabel =
    saveState === 'saved'
      ? t('saved')
      : saveState === 'saving'
        ? t('saving')
        : saveState === 'error'
          ? t('saveError')
          : t('conflict');
  const doc = meta.docNumber && `${meta.docNumber}${meta.docDate ? ` · ${meta.docDate}` : ''}`;
  return (
    <header className="pb-header">
      <button type="button" onClick={p.onBack}>
        {t('back')}
      </button>
      <div className="pb-title">
        <h1>{meta.title}</h1>
        <div className="pb-sub">
          {[meta.issuingBody, doc, t('unit_line', { unit: meta.unit })].filter(Boolean).join(' — ')}
        </div>
      </div>
      <button type="button" data-testid="checks-toggle" onClick={p.onToggleChecks}>
        {t('checks')}
        <span
          className={`pb-badge ${p.checking ? 'pb-badge-pending' : p.errors ? '' : p.warnings ? 'pb-badge-warning' : 'pb-badge-ok'}`}
          data-testid="checks-badge"
          data-pending={p.checking ? '1' : undefined}
          title={p.checking ? t('checksPending') : undefined}
        >
          {p.checking ? '…' : p.errors + p.warnings}
        </span>
      </button>
      <span
        className={`pb-save pb-save-${saveState}`}
        data-testid="save-state"
        data-state={saveState}
        data-commits={p.commits}
        role="status"
      >
        {saveLabel}
      </span>
      {p.extra}
      {p.onVersions && (
        <button type="button" data-testid="versions-toggle" onClick={p.onVersions}>
          {t('versions')}
        </button>
      )}
      <button type="button" data-testid="export-xlsx" onClick={p.onExportXlsx}>
        {t('exportXlsx')}
      </button>
      <button type="button" data-testid="export-csv" onClick={p.onExportCsv}>
        CSV
      </button>
      <button
        type="button"
        onClick={() =>
          download(`${fileStem(meta.title)}.planbook`, p.exportText(), 'application/json')
        }
      >
        {t('saveFile')}
      </button>
    </header>
  );
}
