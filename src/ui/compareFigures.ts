/**
 * The figures of a comparison (versions, another file) as the sheet on screen shows its money: in
 * its display unit (tỷ đồng when the sheet is shown so), labelled with that unit, through the
 * grid's own formatter (`moneyText`); figures that are not money are shown as they are.
 */
import type { ComparedColumn } from '../domain/compareColumns';
import { isMoneyLeaf, type SheetDisplay, shownUnit } from '../domain/display';
import { moneyText } from '../domain/displayMoney';
import { formatAmount } from '../domain/numbers';

export interface CompareFigures {
  /** The unit the figures are in (the sheet's display unit, else the plan's). */
  unit: string;
  /** An amount of money (plan's unit) as shown ('' for null). */
  money: (v: number | null) => string;
  /** A changed cell's figure or text in its column (money in the shown unit). */
  cell: (column: ComparedColumn, v: number | string | null) => string;
}

/** The formatters of a comparison shown beside a sheet displayed with `display`. */
export function compareFigures(
  planUnit: string,
  display: SheetDisplay | undefined,
  lang: 'vi' | 'en',
): CompareFigures {
  const money = moneyText(planUnit, display, lang);
  const isMoney = (c: ComparedColumn) => {
    const leaf = c.b ?? c.a;
    return leaf ? isMoneyLeaf(leaf) : c.amount;
  };
  return {
    unit: shownUnit(planUnit, display) ?? planUnit,
    money,
    cell: (c, v) =>
      v === null ? '' : typeof v !== 'number' ? v : isMoney(c) ? money(v) : formatAmount(v, lang),
  };
}
