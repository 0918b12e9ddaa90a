/**
 * Layout variations of the audited corpus: the same tables with a header repeated at a page break,
 * blank lines, figures typed as text, extra title lines above, and the hostile ones of
 * hostileLayouts.ts (English lines, split labels, a numbering row, a signature block, footnote
 * markers, a hidden stale row, text columns) and the other offices' and programs' ones of
 * officeLayouts.ts (shifted tables, filled merges, number styles, numbering, NFD labels) and the
 * structural ones of structureLayouts.ts (no number column, merged section rows, line breaks in
 * cells, `x` for not applicable, a hidden stale column) and the hidden-but-current ones of
 * hiddenLayouts.ts (collapsed groups, filtered rows, formulas without values, in the whole
 * workbook too, `#DIV/0!`) and the bilingual code columns of codeColumns.ts. The
 * checks must say the same thing of each (no new error, none lost). Used by `scripts/audit/layouts.ts` and its test.
 */
import '../../io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readdirSync, readFileSync } from 'node:fs';
import { checkWorkbook } from '../check';
import type { RawGrid } from '../../io/appendix/grid';
import { hostileVariants, insertRows, type SheetAudit } from './hostileLayouts';
import { officeVariants, openVariants } from './officeLayouts';
import { structureOpenVariants, structureVariants } from './structureLayouts';
import { hiddenBookVariants, hiddenOpenVariants, hiddenVariants } from './hiddenLayouts';
import { codeVariants } from './codeColumns';
import { unitOpenVariants, unitScales, unitVariants } from './unitLayouts';
import { readGrids } from '../../io/readPlan';
import { gridsFromWorkbook } from '../../io/sheets';

/** What the checks say of sheet g, read alone or in its workbook (`others`: its other sheets). */
const said = (name: string, g: RawGrid, others: RawGrid[] = []): string[] => {
  try {
    const all = checkWorkbook(name, readGrids(name, [g, ...others]));
    // the other sheets' own findings (and their second tables') are not the audited sheet's
    const theirs = (s: string) => others.some((o) => s === o.name || s.startsWith(`${o.name} (`));
    const r = { ...all, sheets: all.sheets.filter((s) => !theirs(s.sheet)) };
    // the structure read as well: a variant read as nothing would check nothing, and say the same
    // (the audited table's: a second table below it is read as a sheet of its own, whose errors
    // are listed with the others)
    const read = r.sheets
      .filter((s) => s.sheet === name)
      .map((s) => `read|${s.plan.sections}|${s.plan.projects}|${s.plan.totals}|${s.plan.derived}`);
    return (
      r.sheets
        .flatMap((s) => s.findings)
        .filter((f) => f.severity === 'error')
        // an English line joined under a label adds ` / …` to it: the finding is the same
        .map((f) => `${f.rule}|${f.label.split(' / ')[0]}|${f.expected}|${f.actual}`)
        .sort()
        .concat(read)
    );
  } catch (e) {
    return [`unreadable: ${String(e)}`];
  }
};

const variants: Record<string, (g: RawGrid, a: SheetAudit) => RawGrid | null> = {
  'header repeated at a page break': (g, a) => {
    const h0 = g.lineOf.indexOf(a.header!.first);
    const h1 = g.lineOf.indexOf(a.header!.last);
    const d0 = g.lineOf.indexOf(a.data!.first);
    const d1 = g.lineOf.indexOf(a.data!.last);
    if (h0 < 0 || h1 < 0 || d1 - d0 < 6) return null;
    const mid = d0 + Math.floor((d1 - d0) / 2);
    return insertRows(g, mid, g.rows.slice(h0, h1 + 1));
  },
  'blank lines in the table': (g, a) => {
    const d0 = g.lineOf.indexOf(a.data!.first);
    const d1 = g.lineOf.indexOf(a.data!.last);
    if (d1 - d0 < 4) return null;
    return insertRows(g, d0 + Math.floor((d1 - d0) / 3), [[]]);
  },
  // the figures as printed (their number format), typed as text with `.` for thousands, `,` for decimals
  'figures typed as text in the Vietnamese style': (g) => ({
    ...g,
    rows: g.rows.map((row) =>
      row.map((c) =>
        typeof c?.value !== 'number' || !/^[-(]?[\d,.]+\)?$/.test(c.text.trim())
          ? c
          : { text: c.text.trim().replace(/[.,]/g, (x) => (x === '.' ? ',' : '.')) },
      ),
    ),
  }),
  'title lines above': (g) => {
    const motto = [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' }];
    const sub = [{ text: 'Độc lập - Tự do - Hạnh phúc' }];
    return insertRows(g, 0, [motto, sub, []]);
  },
  ...hostileVariants,
  ...officeVariants,
  ...structureVariants,
  ...hiddenVariants,
  ...unitVariants,
  ...codeVariants,
};

/**
 * Whether a variant's findings are the published sheet's, its figures `scale` times larger (a
 * sheet in another unit: the same finding, its figures within the rounding of that unit).
 */
function sameSaid(base: string[], now: string[], scale?: number): boolean {
  if (scale === undefined) return base.join('\n') === now.join('\n');
  if (base.length !== now.length) return false;
  const near = (x: string, y: string) => {
    const [a, b] = [Number(x), Number(y) / scale];
    if (!Number.isFinite(a) || !Number.isFinite(b)) return x === y;
    return Math.abs(a - b) <= Math.max(1, 1e-4 * Math.abs(a));
  };
  return base.every((b, i) => {
    const [x, y] = [b.split('|'), now[i].split('|')];
    if (x[0] === 'read') return b === now[i];
    return x.length === y.length && x.every((v, k) => (k < 2 ? v === y[k] : near(v, y[k])));
  });
}

/** Counts one variant read, the same or changed (`what`: the change, listed). */
function tallied(out: LayoutRun, name: string, same: boolean, what: string): void {
  out.variants++;
  const tally = (out.byVariant[name] ??= { variants: 0, same: 0 });
  tally.variants++;
  if (same) tally.same++;
  if (same) out.same++;
  else out.changed.push(what);
}

export interface LayoutRun {
  variants: number;
  same: number;
  /** Each variant whose errors differ from the published sheet's, with both lists. */
  changed: string[];
  /** Per variant: sheets it applied to, and how many said the same. */
  byVariant: Record<string, { variants: number; same: number }>;
}

/**
 * Reads every audited table (of the workbooks `only` names, or all) in every layout variant (or in
 * those whose name holds one of `which`); `open`: in the variants not yet read the same instead.
 */
export function layoutVariants(only?: string[], which?: string[], open = false): LayoutRun {
  const out: LayoutRun = { variants: 0, same: 0, changed: [], byVariant: {} };
  for (const f of readdirSync('fixtures/audits').filter((x) => x.endsWith('.json'))) {
    const audit = JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8'));
    if (only && !only.includes(audit.file)) continue;
    const grids = gridsFromWorkbook(readFileSync(`fixtures/mof/${audit.file}`));
    for (const a of audit.sheets as SheetAudit[]) {
      const g = grids.find((x) => x.name === a.sheet);
      if (!a.table || !a.header || !a.data || !g) continue;
      const base = said(a.sheet, g);
      const others = grids.filter((x) => x !== g);
      const bookBase = open ? [] : said(a.sheet, g, others);
      for (const [name, make] of Object.entries(open ? {} : hiddenBookVariants)) {
        // a variant of the whole workbook (every sheet written so), the audited sheet read in it
        if (which && !which.some((w) => name.includes(w))) continue;
        const v = make(g, a);
        if (!v) continue;
        const now = said(
          a.sheet,
          v,
          others.map((o) => make(o, a) ?? o),
        );
        tallied(
          out,
          name,
          sameSaid(bookBase, now),
          `${audit.file} ${a.sheet} (${name}):\n  before: ${bookBase.join('\n') || '-'}\n  after:  ${now.join('\n') || '-'}`,
        );
      }
      for (const [name, make] of Object.entries(
        open
          ? {
              ...openVariants,
              ...structureOpenVariants,
              ...unitOpenVariants,
              ...hiddenOpenVariants,
            }
          : variants,
      )) {
        if (which && !which.some((w) => name.includes(w))) continue;
        const v = make(g, a);
        if (!v) continue;
        const now = said(a.sheet, v);
        tallied(
          out,
          name,
          sameSaid(base, now, unitScales[name]?.(a)),
          `${audit.file} ${a.sheet} (${name}):\n  before: ${base.join('\n') || '-'}\n  after:  ${now.join('\n') || '-'}`,
        );
      }
    }
  }
  return out;
}
