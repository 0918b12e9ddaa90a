/** The figures of one source row under the table's numeric columns. */
import { gridLiteral } from '../../../src/domain/grid';
import { parseAmount } from '../../../src/domain/numbers';
import type { CellInput } from '../../../src/domain/types';
import { cellText, type RawGrid } from './grid';
import type { LeafSpec } from '../../../src/io/appendix/header';
import { isMarker } from './rowKinds';
import type { ImportWarning } from './rows';

export interface Ctx {
  g: RawGrid;
  specs: LeafSpec[];
  headerTexts: Set<string>;
  warnings: ImportWarning[];
  /** The first leaf of each role (built on first use). */
  byRole?: Map<string, LeafSpec>;
}

const num = (text: string) => (text === '-' || text === '–' ? null : parseAmount(text, 'auto'));

/** A marker glued to a figure: `(1)     419.278.223` → the figure's text, or null. */
function unmark(text: string): string | null {
  const first = /\S/.exec(text)?.[0];
  if (first !== '(' && first !== '*') return null; // the common case: no marker, no regex
  const m = /^(\(\s*(?:\d{1,2}|\*{1,3}|[a-z])\s*\)|\*{1,3})\s+(.+)$/i.exec(text.trim());
  return m ? m[2] : null;
}

/**
 * Values of a row's numeric leaves (the last number of a merged span; extra numbers are warned).
 * Footnote markers (`(1)`, `(*)`, `1/`) are notes, never numbers. `quiet` reads without warning.
 */
export function rowFigures(
  c: Ctx,
  r: number,
  line: number,
  quiet: boolean,
): {
  cells: Record<string, CellInput>;
  extra: string[];
  any: boolean;
  marks: Record<string, string>;
} {
  const cells: Record<string, CellInput> = {};
  const marks: Record<string, string> = {};
  const extra: string[] = [];
  let any = false;
  const warn = (w: ImportWarning) => {
    if (!quiet) c.warnings.push({ ...w, sheet: c.g.name });
  };
  for (const s of c.specs) {
    const role = s.leaf.role;
    if (role !== 'amount' && role !== 'stated' && role !== 'value') continue;
    const texts: string[] = [];
    const nums: number[] = [];
    for (const col of s.cols) {
      let t = cellText(c.g, r, col);
      if (!t) continue;
      if (isMarker(t)) {
        marks[s.leaf.id] = t;
        warn({
          code: 'footnoteMarker',
          row: line,
          message: `line ${line}: footnote marker “${t}” under “${s.leaf.label}” kept as a note, not a figure`,
        });
        continue;
      }
      const v = c.g.rows[r]?.[col]?.value;
      const stripped = unmark(t);
      if (stripped !== null) {
        marks[s.leaf.id] = t
          .trim()
          .slice(0, t.trim().length - stripped.length)
          .trim();
        t = stripped;
      }
      texts.push(t);
      // a spreadsheet's stored number wins over its shown text (`425,000` shown in English style)
      const x = stripped === null && typeof v === 'number' && Number.isFinite(v) ? v : num(t);
      if (x !== null) nums.push(x);
    }
    if (nums.length) {
      any = true;
      cells[s.leaf.id] = nums[nums.length - 1];
      if (nums.length > 1) {
        extra.push(...texts.slice(0, -1));
        warn({
          code: 'ambiguousFigure',
          row: line,
          message: `line ${line}: several figures under “${s.leaf.label}” (${texts.join(', ')}); the last one is taken, the others are kept in the row's remark`,
          detail: texts.join(', '),
        });
      }
    } else if (texts.length && texts.some((t) => t !== '-' && t !== '–')) {
      // a text is kept as text: one starting with `=` never becomes a live formula
      cells[s.leaf.id] = gridLiteral(texts.join(' '));
      warn({
        code: 'textInAmount',
        row: line,
        message: `line ${line}: “${texts.join(' ')}” under “${s.leaf.label}” is not a number; kept as text`,
        detail: texts.join(' '),
      });
    }
  }
  return { cells, extra, any, marks };
}
