/**
 * The sums a table states, its figures as typed, for the sheet's number style (domain/
 * numberStyle.ts): when its typed figures cannot tell `61,600` English from Vietnamese, the style
 * under which its sums hold is the one it was typed in.
 */
import { parseColumnRule, columnCode } from '../../domain/columnRules';
import { parseLabelRule, resolveLabelRule } from '../../domain/labelRules';
import { type StatedSum } from '../../domain/numberStyle';
import { childRows, subtreeEnd } from '../../domain/rows';
import type { Row } from '../../domain/types';
import { rowShown } from './grid';
import type { LeafSpec } from './header';
import { type Ctx, figureSpecs } from './rowFigures';

/**
 * The figure of line r under a leaf as typed (the last one shown), undefined when none, null when
 * the spreadsheet stores it: a sum with a stored figure is left out (a number stored by another
 * program's reading of the text, as an HTML table's, says nothing of how the texts are typed).
 */
function figureAt(c: Ctx, r: number, s: LeafSpec): string | null | undefined {
  const shown = rowShown(c.g, r);
  for (let k = s.cols.length - 1; k >= 0; k--) {
    const col = s.cols[k];
    const t = (shown[col] ?? '').trim();
    if (!t) continue;
    const v = c.g.rows[r]?.[col]?.value;
    if (typeof v === 'number' && Number.isFinite(v)) return null;
    return /^[-−+(]?[\d.,\s\u00a0\u202f]+\)?$/.test(t) ? t : undefined;
  }
  return undefined;
}

/** The terms that hold a typed figure. */
const typed = (ts: { sign: 1 | -1; figure: string | null | undefined }[]) =>
  ts.flatMap((t) => (typeof t.figure === 'string' ? [{ sign: t.sign, figure: t.figure }] : []));

/** The column-code rules (`3=1+2`) on every line from `from` on where the target holds a figure. */
export function codeSums(c: Ctx, from: number): StatedSum[] {
  const specs = figureSpecs(c);
  const byCode = new Map<string, LeafSpec>();
  for (const s of specs) if (s.leaf.code) byCode.set(columnCode(s.leaf.code), s);
  const rules = specs.flatMap((s) => {
    const rule = s.leaf.code ? parseColumnRule(s.leaf.code) : null;
    const terms = rule?.terms.map((t) => ({ sign: t.sign, spec: byCode.get(t.code) }));
    return rule && terms?.every((t) => t.spec) ? [{ total: s, terms }] : [];
  });
  const out: StatedSum[] = [];
  if (!rules.length) return out;
  for (let r = from; r < c.g.rows.length; r++)
    for (const rule of rules) {
      const total = figureAt(c, r, rule.total);
      if (total == null) continue;
      const figures = rule.terms.map((t) => ({ sign: t.sign, figure: figureAt(c, r, t.spec!) }));
      if (figures.some((t) => t.figure === null)) continue;
      const terms = typed(figures);
      if (terms.length) out.push({ total, terms });
    }
  return out;
}

/**
 * The sums the read rows state: each section's figures the sums of its rows', each total row's
 * (not one of a single source) the sums of the top rows'. `at`: the line of each row's figures.
 */
export function treeSums(
  c: Ctx,
  rows: readonly Row[],
  at: ReadonlyMap<string, number>,
): StatedSum[] {
  const top = rows.flatMap((r, i) => (r.level === 0 && r.kind !== 'total' && !r.part ? [i] : []));
  const out: StatedSum[] = [];
  rows.forEach((row, i) => {
    const kids =
      row.kind === 'section'
        ? childRows(rows, i)
        : row.kind === 'total' && !row.totalSource
          ? top
          : [];
    const line = at.get(row.id);
    if (!kids.length || line === undefined) return;
    for (const s of figureSpecs(c)) {
      const total = figureAt(c, line, s);
      if (total == null) continue;
      const figures = kids.map((k) => {
        const l = at.get(rows[k].id);
        return { sign: 1 as const, figure: l === undefined ? undefined : figureAt(c, l, s) };
      });
      if (figures.some((t) => t.figure === null)) continue;
      const terms = typed(figures);
      if (terms.length) out.push({ total, terms });
    }
  });
  return out;
}

/**
 * The sums the rows' labels state (`Bội chi (C = B - A)`, `TỔNG SỐ (A+B)`, `A = I + II`), their
 * terms the rows they name as the checks resolve them (labelRules.ts); a rule with terms named in
 * words (`C = A - B - kết dư`) states no sum of rows alone. `at`: the line of each row's figures.
 */
export function labelSums(
  c: Ctx,
  rows: readonly Row[],
  at: ReadonlyMap<string, number>,
): StatedSum[] {
  const out: StatedSum[] = [];
  rows.forEach((row, i) => {
    const rule = row.rule ? parseLabelRule(row.rule) : null;
    const line = at.get(row.id);
    if (!rule || rule.named?.length || line === undefined) return;
    const terms = resolveLabelRule(rows, i, rule, subtreeEnd(rows, i));
    if (!terms) return;
    for (const s of figureSpecs(c)) {
      const total = figureAt(c, line, s);
      if (total == null) continue;
      const figures = terms.map((t) => {
        const l = at.get(rows[t.row].id);
        return { sign: t.sign, figure: l === undefined ? undefined : figureAt(c, l, s) };
      });
      if (figures.some((t) => t.figure === null)) continue;
      const typedTerms = typed(figures);
      if (typedTerms.length) out.push({ total, terms: typedTerms });
    }
  });
  return out;
}
