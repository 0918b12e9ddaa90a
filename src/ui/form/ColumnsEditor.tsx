/** The appendix's columns in the form panel: headers renamed, columns moved, removed and added. */
import { useState } from 'react';
import { leaves, yearGroups } from '../../domain/columns';
import { figuresIn } from '../../domain/formEdit';
import { newId } from '../../domain/ids';
import { canonicalSource } from '../../domain/sources';
import { amountColumnId } from '../../domain/template';
import type { AppendixSheet, ColumnLeaf, ColumnNode, Id, PlanMeta } from '../../domain/types';
import { useLang } from '../i18n';
import type { FormRun, FormSay } from './FormPanel';

type Kind = 'text' | 'amount' | 'stated' | 'value';
const KINDS: Kind[] = ['text', 'amount', 'stated', 'value'];

/** Nodes of the column tree depth first, with their depth. */
function flat(nodes: ColumnNode[], depth = 0): { node: ColumnNode; depth: number }[] {
  return nodes.flatMap((n) => [
    { node: n, depth },
    ...(n.kind === 'group' ? flat(n.children, depth + 1) : []),
  ]);
}

/** Every id of a node and of the nodes under it. */
const idsOf = (n: ColumnNode): Id[] =>
  n.kind === 'leaf' ? [n.id] : [n.id, ...n.children.flatMap(idsOf)];

export function ColumnsEditor(p: {
  sheet: AppendixSheet;
  meta: PlanMeta;
  readOnly: boolean;
  run: FormRun;
  say: FormSay;
}) {
  const { t } = useLang();
  const { sheet, run, say } = p;
  const [kind, setKind] = useState<Kind>('text');
  const [label, setLabel] = useState('');
  const years = yearGroups(sheet.columns).map((y) => y.group.year!);
  const [year, setYear] = useState<number | ''>('');
  const edit = (e: Parameters<FormRun>[0] & { type: 'editSheet' }) => run(e);
  const remove = (n: ColumnNode) => {
    if (n.kind === 'leaf' && n.role === 'name') return say('form_nameColumn');
    const count = figuresIn(sheet, idsOf(n));
    if (count && !window.confirm(t('form_confirmRemove', { n: count }))) return;
    edit({ type: 'editSheet', sheetId: sheet.id, edit: { op: 'removeColumns', colIds: [n.id] } });
  };
  const add = () => {
    const text = label.trim();
    let column: ColumnLeaf;
    if (kind === 'amount') {
      const y = year === '' ? years[0] : year;
      if (y === undefined) return say('form_noYear');
      const source = canonicalSource(text) ?? text;
      if (!source) return say('form_badSource');
      const id = amountColumnId(y, source);
      if (leaves(sheet.columns).some((l) => l.id === id || (l.year === y && l.source === source)))
        return say('form_columnTaken', { year: y, source });
      column = { kind: 'leaf', id, label: `Vốn ${source}`, role: 'amount', year: y, source };
    } else {
      if (!text) return say('form_labelEmpty');
      column = { kind: 'leaf', id: newId('c'), label: text, role: kind };
    }
    if (edit({ type: 'editSheet', sheetId: sheet.id, edit: { op: 'addColumn', column } }))
      setLabel('');
  };
  const roleText = (n: ColumnNode) =>
    n.kind === 'group' ? (n.year !== undefined ? String(n.year) : '') : t(`role_${n.role}`);
  return (
    <section data-testid="form-columns">
      <h3>{t('form_columns')}</h3>
      <ul className="pb-form-cols">
        {flat(sheet.columns).map(({ node, depth }) => (
          <li key={node.id} style={{ paddingLeft: depth * 14 }} data-col={node.id}>
            <input
              key={node.label}
              defaultValue={node.label}
              aria-label={roleText(node)}
              data-testid={`form-col-${node.id}`}
              disabled={p.readOnly}
              onBlur={(e) => {
                const v = e.target.value.trim();
                if (v && v !== node.label)
                  edit({
                    type: 'editSheet',
                    sheetId: sheet.id,
                    edit: { op: 'renameColumn', colId: node.id, label: v },
                  });
              }}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
            <small title={roleText(node)}>{roleText(node)}</small>
            {([-1, 1] as const).map((by) => (
              <button
                key={by}
                type="button"
                title={t(by < 0 ? 'form_moveLeft' : 'form_moveRight')}
                aria-label={t(by < 0 ? 'form_moveLeft' : 'form_moveRight')}
                disabled={p.readOnly}
                onClick={() =>
                  edit({
                    type: 'editSheet',
                    sheetId: sheet.id,
                    edit: { op: 'moveColumn', colId: node.id, by },
                  })
                }
              >
                {by < 0 ? '←' : '→'}
              </button>
            ))}
            <button
              type="button"
              title={t('form_remove')}
              aria-label={t('form_remove')}
              data-testid={`form-remove-${node.id}`}
              disabled={p.readOnly}
              onClick={() => remove(node)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="pb-form-add">
        <select
          aria-label={t('form_kind')}
          data-testid="form-add-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`form_kind_${k}`)}
            </option>
          ))}
        </select>
        {kind === 'amount' && (
          <select
            aria-label={t('year')}
            value={year === '' ? (years[0] ?? '') : year}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
        <input
          value={label}
          placeholder={t(kind === 'amount' ? 'form_sourceCode' : 'form_newLabel')}
          aria-label={t(kind === 'amount' ? 'form_sourceCode' : 'form_newLabel')}
          data-testid="form-add-label"
          onChange={(e) => setLabel(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" data-testid="form-add-column" disabled={p.readOnly} onClick={add}>
          {t('form_addColumn')}
        </button>
      </div>
    </section>
  );
}
