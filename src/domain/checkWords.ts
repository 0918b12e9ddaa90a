/** How findings are worded for the user: rule names, where a rule comes from, one line each. */
import type { Finding, RuleId, RuleSource } from './checks';
import { formatAmount } from './numbers';

/** Names of the rules, as the report prints them. */
export const RULE_NAMES: Record<'vi' | 'en', Record<RuleId, string>> = {
  vi: {
    'row-total': 'Tổng dòng',
    'section-total': 'Tổng mục',
    'grand-total': 'Dòng tổng của biểu',
    'stated-plan-total': 'Tổng ghi trong văn bản',
    'column-rule': 'Quy tắc cột',
    'label-rule': 'Quy tắc ghi ở dòng',
    'balance-rule': 'Dòng chênh lệch (bội chi, kết dư)',
    'of-which': 'Các khoản trong đó',
  },
  en: {
    'row-total': 'Row total',
    'section-total': 'Section total',
    'grand-total': 'Stated total row',
    'stated-plan-total': 'Plan text total',
    'column-rule': 'Column rule',
    'label-rule': 'Rule in the label',
    'balance-rule': 'Balance row (deficit, surplus)',
    'of-which': 'Of which parts',
  },
};

const SOURCE_NAMES: Record<'vi' | 'en', Record<RuleSource, string>> = {
  vi: {
    'code row': 'dòng mã cột',
    label: 'tên dòng',
    structure: 'cấu trúc biểu',
    'plan text': 'văn bản kế hoạch',
  },
  en: { 'code row': 'code row', label: 'label', structure: 'structure', 'plan text': 'plan text' },
};

/** The parts an of-which finding speaks of, quoted (short labels, at most four). */
function named(f: Finding): string {
  const ps = (f.parts ?? []).filter(Boolean).map((p) => (p.length > 40 ? `${p.slice(0, 39)}…` : p));
  if (!ps.length) return '';
  return ` “${ps.slice(0, 4).join('”, “')}”${ps.length > 4 ? ', …' : ''}`;
}

/**
 * One line explaining a finding, in the user's language; `figure` formats its amounts (the grid
 * passes the sheet's display unit; reports keep the plan's unit).
 */
export function explain(
  f: Finding,
  lang: 'vi' | 'en' = 'vi',
  figure: (x: number) => string = (x) => formatAmount(x, lang),
): string {
  const a = figure;
  const d = a(f.actual - f.expected);
  const from = f.from ? SOURCE_NAMES[lang][f.from] : '';
  if (lang === 'en') {
    const why =
      f.why === 'note'
        ? ' (a note below the table accounts for the difference)'
        : f.why === 'partial'
          ? ' (to verify: the rows under it may list only part of it)'
          : f.why === 'inferred'
            ? " (to verify: the rule is read from the sheet's other balance rows, not this row's figures)"
            : f.severity === 'warning'
              ? ` (within the rounding of ${f.terms} figures)`
              : '';
    const src = from ? `; rule from the ${from}` : '';
    const note = f.explained !== undefined ? `; explained: ${f.explained}` : '';
    if (f.rule === 'of-which')
      return `${f.label}${f.scope ? ` [${f.scope}]` : ''}: the of-which parts${named(f)} (${a(f.actual)}) exceed the row's figure (${a(f.expected)}) by ${d}${why}${note}`;
    return `${f.label}${f.scope ? ` [${f.scope}]` : ''}: stated ${a(f.expected)}, computed ${a(f.actual)}, difference ${d}${why}${src}${note}`;
  }
  const why =
    f.why === 'note'
      ? ' (ghi chú dưới biểu giải thích phần chênh lệch)'
      : f.why === 'partial'
        ? ' (cần xác minh: các dòng bên dưới có thể chỉ liệt kê một phần)'
        : f.why === 'inferred'
          ? ' (cần xác minh: quy tắc suy từ các dòng chênh lệch khác của biểu, không từ số của dòng này)'
          : f.severity === 'warning'
            ? ` (nằm trong sai số làm tròn của ${f.terms} số)`
            : '';
  const src = from ? `; quy tắc theo ${from}` : '';
  const note = f.explained !== undefined ? `; đã giải trình: ${f.explained}` : '';
  if (f.rule === 'of-which')
    return `${f.label}${f.scope ? ` [${f.scope}]` : ''}: các khoản trong đó${named(f)} (${a(f.actual)}) lớn hơn số của dòng (${a(f.expected)}), vượt ${d}${why}${note}`;
  return `${f.label}${f.scope ? ` [${f.scope}]` : ''}: số ghi ${a(f.expected)}, tính được ${a(f.actual)}, chênh lệch ${d}${why}${src}${note}`;
}
