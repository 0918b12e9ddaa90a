/** The help panel (F1 or ?): every key of the workbook view, grouped, in the user's language. */
import { useEffect, useRef } from 'react';
import { KEY_HELP } from './grid/keymap';
import { useLang } from './i18n';
import './keys.css';

export function KeyHelp({ onClose }: { onClose: () => void }) {
  const { t } = useLang();
  const close = useRef<HTMLButtonElement | null>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      className="pb-keyhelp"
      role="dialog"
      aria-modal="true"
      aria-labelledby="pb-keyhelp-title"
      data-testid="key-help"
      onKeyDown={(e) => {
        // the panel keeps the focus (its one control) until it is closed
        if (e.key === 'Tab') e.preventDefault();
        if (e.key === 'Escape' || e.key === 'F1') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="pb-keyhelp-head">
        <h2 id="pb-keyhelp-title">{t('k_title')}</h2>
        <button type="button" ref={close} onClick={onClose} data-testid="key-help-close">
          {t('k_close')} (Esc)
        </button>
      </div>
      <p>{t('k_intro')}</p>
      <div className="pb-keyhelp-groups">
        {KEY_HELP.map((g) => (
          <section key={g.group}>
            <h3>{t(g.group)}</h3>
            <table>
              <tbody>
                {g.items.map((it) => (
                  <tr key={it.label} data-help={it.label}>
                    <td>
                      {it.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' '}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{t(it.label)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </div>
  );
}
