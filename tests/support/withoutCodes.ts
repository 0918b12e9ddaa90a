/**
 * The frozen-copy comparisons' one exemption for project codes (h209): a project-code column's
 * cells (`Mã dự án`, matchCodes.ts) are kept on the rows now, the old reading kept none. The new
 * sheet's rows without the code cells the old rows lack; nothing else is touched.
 */
import { codeColumn } from '../../src/domain/matchCodes';
import type { AppendixSheet, Row } from '../../src/domain/types';

type SheetLike = Pick<AppendixSheet, 'columns'> & { rows: Row[] };

/** `got` with its rows' code cells dropped where `old`'s row of that index has none. */
export function withoutCodes<T extends SheetLike>(got: T, old: SheetLike | undefined): T {
  const id = codeColumn(got as unknown as AppendixSheet);
  if (!id || !old) return got;
  const rows = got.rows.map((row, i) => {
    if (!(id in row.cells) || (old.rows[i] && id in old.rows[i].cells)) return row;
    const { [id]: _code, ...cells } = row.cells;
    return { ...row, cells };
  });
  return { ...got, rows };
}
