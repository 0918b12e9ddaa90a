/** A modal question with the focus on Cancel (Hủy): Enter or Esc right away never deletes. */
import { useEffect, useRef } from 'react';
import { useLang } from './i18n';
import './work.css';

export interface Ask {
  text: string;
  yes: string;
  onYes: () => void;
}

/** Asks `ask.text`; calls `onClose` after either answer (and `ask.onYes` on yes). */
export function ConfirmDialog({ ask, onClose }: { ask: Ask; onClose: () => void }) {
  const { t } = useLang();
  const cancel = useRef<HTMLButtonElement | null>(null);
  useEffect(() => cancel.current?.focus(), [ask]);
  return (
    <div className="pb-modal-back">
      <div
        className="pb-modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pb-confirm-text"
        data-testid="confirm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h3>{t('deleteTitle')}</h3>
        <p id="pb-confirm-text">{ask.text}</p>
        <div className="pb-modal-buttons">
          <button type="button" ref={cancel} data-testid="confirm-cancel" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="pb-danger"
            data-testid="confirm-yes"
            onClick={() => {
              onClose();
              ask.onYes();
            }}
          >
            {ask.yes}
          </button>
        </div>
      </div>
    </div>
  );
}
