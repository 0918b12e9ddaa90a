/** Row and history buttons above the grid. */
import type { StringKey } from './strings';
import { useLang } from './i18n';

export type ToolAction =
  | 'undo'
  | 'redo'
  | 'addProject'
  | 'addSection'
  | 'deleteRow'
  | 'moveUp'
  | 'moveDown'
  | 'indent'
  | 'outdent'
  | 'toggleKind'
  | 'renumber';

const BUTTONS: { action: ToolAction; icon: string; key: StringKey }[] = [
  { action: 'undo', icon: '↶', key: 'undo' },
  { action: 'redo', icon: '↷', key: 'redo' },
  { action: 'addProject', icon: '+', key: 'addProject' },
  { action: 'addSection', icon: '§', key: 'addSection' },
  { action: 'deleteRow', icon: '✕', key: 'deleteRow' },
  { action: 'moveUp', icon: '↑', key: 'moveUp' },
  { action: 'moveDown', icon: '↓', key: 'moveDown' },
  { action: 'outdent', icon: '⇤', key: 'outdent' },
  { action: 'indent', icon: '⇥', key: 'indent' },
  { action: 'toggleKind', icon: '⇄', key: 'toggleKind' },
  { action: 'renumber', icon: '#', key: 'renumber' },
];

export function Toolbar(p: {
  onAction: (a: ToolAction) => void;
  canUndo: boolean;
  canRedo: boolean;
  readOnly: boolean;
}) {
  const { t } = useLang();
  return (
    <div className="pb-toolbar" role="toolbar">
      {BUTTONS.map((b) => (
        <button
          key={b.action}
          type="button"
          data-action={b.action}
          title={t(b.key)}
          disabled={
            p.readOnly || (b.action === 'undo' && !p.canUndo) || (b.action === 'redo' && !p.canRedo)
          }
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => p.onAction(b.action)}
        >
          <span aria-hidden>{b.icon}</span> {t(b.key)}
        </button>
      ))}
    </div>
  );
}
