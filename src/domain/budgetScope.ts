/**
 * Which budget a balance table's row speaks of: the whole state's (*ngân sách nhà nước*, NSNN),
 * the central one (*trung ương*, NSTW) or the local one (*địa phương*, NSĐP). A balance row's
 * meaning (a deficit = expenditure − revenue) is certain only where it and the blocks it is taken
 * from name the same budget (a part of the state's may feed the state's balance); a central
 * deficit under the state's totals, or a state deficit under the central blocks, is not.
 */
import { fold } from './sources';

export type BudgetScope = 'state' | 'central' | 'local' | '';

const WORDS: [BudgetScope, RegExp][] = [
  ['state', /\b(nsnn|nha nuoc|state budget)\b/],
  ['central', /\b(nstw|trung uong|central)\b/],
  ['local', /\b(nsdp|dia phuong|local)\b/],
];

/** The budget a label names first (`''`: none). */
export function budgetScope(label: string): BudgetScope {
  const t = fold(label);
  let best: BudgetScope = '';
  let at = Infinity;
  for (const [scope, re] of WORDS) {
    const m = re.exec(t);
    if (m && m.index < at) {
      best = scope;
      at = m.index;
    }
  }
  return best;
}

/**
 * Whether a balance row labelled `balance` is, with certainty, the difference of the blocks
 * labelled `lead` (expenditure for a deficit, revenue for a surplus) and `rest`: the balance names
 * a budget, the lead the same one, and every other block the same budget or, for the state's balance, a
 * part of it (the central carry-over within the state's revenue).
 */
export function sameBudget(
  balance: string,
  lead: string,
  rest: string[],
  stateIsCentral = false,
): boolean {
  const named = budgetScope(balance);
  // the state's deficit was the central budget's (`stateIsCentral`): the central blocks make it
  const s =
    named === 'state' && stateIsCentral && budgetScope(lead) === 'central' ? 'central' : named;
  if (!s || budgetScope(lead) !== s) return false;
  return rest.every((x) => {
    const r = budgetScope(x);
    return r === s || (s === 'state' && (r === 'central' || r === 'local'));
  });
}

/** The last budget year whose state deficit was by law the central budget's (Law 01/2002/QH11). */
export const CENTRAL_DEFICIT_UNTIL = 2016;

/**
 * The budget year a table speaks of: the first year its title names (`… NĂM 2012`, before any
 * subtitle's), else the latest year of its columns; null when neither says.
 */
export function budgetYear(title: string, columnYears: readonly number[]): number | null {
  const named = [...fold(title).matchAll(/\bnam\s+((?:19|20)\d\d)\b/g)].map((m) => Number(m[1]));
  if (named.length) return named[0];
  return columnYears.length ? Math.max(...columnYears) : null;
}
