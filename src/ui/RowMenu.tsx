/** The row menu (right-click, the ContextMenu key, Shift+F10): the row actions, keyboard first. */
import { useEffect, useRef, useState } from 'react';
import type { RowAction } from './grid/keymap';
import { useLang } from './i18n';
import type { StringKey } from './strings';
import './keys.css';

/** What the menu offers: the row actions, and *Đánh số lại* of the whole sheet (as the toolbar). */
export type MenuAction = RowAction | 'renumber';

/** The menu's items in order, with their label keys and shortcuts. */
export const ROW_MENU: { action: MenuAction; label: StringKey; keys?: string }[] = [
  { action: 'insertProjectAbove', label: 'm_insertProjectAbove' },
  { action: 'insertProjectBelow', label: 'm_insertProjectBelow', keys: 'Ctrl+Shift+=' },
  { action: 'insertSectionAbove', label: 'm_insertSectionAbove' },
  { action: 'insertSectionBelow', label: 'm_insertSectionBelow', keys: 'Alt+Shift+=' },
  { action: 'deleteRow', label: 'm_deleteRow', keys: 'Ctrl+-' },
  { action: 'indent', label: 'm_indent', keys: 'Alt+Shift+→' },
  { action: 'outdent', label: 'm_outdent', keys: 'Alt+Shift+←' },
  { action: 'moveUp', label: 'm_moveUp', keys: 'Alt+↑' },
  { action: 'moveDown', label: 'm_moveDown', keys: 'Alt+↓' },
  { action: 'toggleKind', label: 'm_toggleKind' },
  { action: 'renumber', label: 'renumber' },
];

export function RowMenu(p: {
  x: number;
  y: number;
  readOnly: boolean;
  onPick: (a: MenuAction) => void;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [at, setAt] = useState(0);
  const box = useRef<HTMLUListElement | null>(null);
  useEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('[role=menuitem]')[at]?.focus();
  }, [at]);
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) p.onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [p]);
  const n = ROW_MENU.length;
  const pick = (a: MenuAction) => {
    if (p.readOnly) return;
    p.onPick(a);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const k = e.key;
    if (k === 'ArrowDown') setAt((i) => (i + 1) % n);
    else if (k === 'ArrowUp') setAt((i) => (i - 1 + n) % n);
    else if (k === 'Home') setAt(0);
    else if (k === 'End') setAt(n - 1);
    else if (k === 'Enter' || k === ' ') pick(ROW_MENU[at].action);
    else if (k === 'Escape' || k === 'Tab' || k === 'F10' || k === 'ContextMenu') p.onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  // kept inside the window
  const left = Math.min(p.x, window.innerWidth - 280);
  const top = Math.min(p.y, window.innerHeight - 40 - n * 30);
  return (
    <ul
      className="pb-menu"
      role="menu"
      aria-label={t('m_title')}
      data-testid="row-menu"
      ref={box}
      style={{ left: Math.max(0, left), top: Math.max(0, top) }}
      onKeyDown={onKey}
      onContextMenu={(e) => e.preventDefault()}
    >
      {ROW_MENU.map((m, i) => (
        <li
          key={m.action}
          role="menuitem"
          tabIndex={i === at ? 0 : -1}
          aria-disabled={p.readOnly || undefined}
          data-action={m.action}
          className={i === at ? 'pb-menu-on' : undefined}
          onPointerEnter={() => setAt(i)}
          onClick={() => pick(m.action)}
        >
          <span>{t(m.label)}</span>
          {m.keys && <kbd>{m.keys}</kbd>}
        </li>
      ))}
    </ul>
  );
}
