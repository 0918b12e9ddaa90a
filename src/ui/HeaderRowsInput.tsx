/** Two 1-based row numbers: the first and last header rows a user marks on a table. */
import type { StringKey } from './strings';
import { useLang } from './i18n';

export interface Band {
  a: number;
  b: number;
}

export function HeaderRowsInput(p: {
  band: Band;
  onChange: (b: Band) => void;
  /** Test id prefix: `<prefix>-start`, `<prefix>-end`. */
  testId: string;
  labels: [StringKey, StringKey];
}) {
  const { t } = useLang();
  const field = (k: 'a' | 'b', label: StringKey, id: string) => (
    <label>
      {t(label)}{' '}
      <input
        type="number"
        min={1}
        value={p.band[k]}
        data-testid={`${p.testId}-${id}`}
        onChange={(e) => p.onChange({ ...p.band, [k]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <>
      {field('a', p.labels[0], 'start')} {field('b', p.labels[1], 'end')}
    </>
  );
}
