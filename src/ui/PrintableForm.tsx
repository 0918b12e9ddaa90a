/**
 * The appendix as the official form, for printing (Ctrl+P or the Print button): the header block
 * with the national motto, title, attachment line, the table (its header repeated on every page),
 * the totals and the signature block. The same layout the .xlsx export writes; hidden on screen and
 * rendered only while a print is under way (usePrintForm). A figure a section or total row states
 * prints as stated (what the grid shows, what the file keeps), and where its rows add up to
 * another figure that one is printed beside it (`≠ 38.300`, as the grid marks it) with a note
 * under the table.
 */
import type { CSSProperties } from 'react';
import { printedFigure, printedText } from './printedFigure';
import { statedNote } from './stringsPrint';
import { columnLetter } from '../domain/columns';
import type { AppendixSheet, PlanMeta } from '../domain/types';
import { type AppendixLayout, layoutAppendix, type OutCell } from '../io/export/appendixLayout';
import type { StatedFigure } from '../io/export/statedCells';
import type { SheetValues } from '../io/export/appendixLayout';
import { totalLabel } from '../io/export/xlsx';
import type { Lang } from './i18n';

const BOLD = new Set(['header', 'title', 'section', 'total']);
const ITALIC = new Set(['stated', 'subtitle', 'unit', 'code']);

function cellStyle(c: OutCell): CSSProperties {
  return {
    textAlign: c.align ?? (c.numeric ? 'right' : 'left'),
    fontWeight: c.bold || BOLD.has(c.kind) ? 'bold' : undefined,
    fontStyle: c.italic || ITALIC.has(c.kind) ? 'italic' : undefined,
    textDecoration: c.underline ? 'underline' : undefined,
    fontSize: c.size ? `${c.size / 12}em` : undefined,
    paddingLeft: c.indent ? `${0.3 + c.indent * 0.8}em` : undefined,
  };
}

/** Rows `from`…`to` of the layout as table rows (cells under a merge are left out). */
function Rows({
  l,
  from,
  to,
  lang,
  head = false,
  diffs,
}: {
  l: AppendixLayout;
  from: number;
  to: number;
  lang: Lang;
  head?: boolean;
  /** Stated figures that differ from their rows, by the cell's address (`E12`). */
  diffs?: ReadonlyMap<string, StatedFigure>;
}) {
  const rows = [];
  for (let r = from; r < to; r++) {
    const cells = [];
    const row = l.rows[r];
    for (let i = 0; i < l.widths.length; i++) {
      const c = row[i];
      // in the header a missing cell lies under a merge from above; elsewhere it is an empty cell
      if (!c && !head) cells.push(<td key={i} />);
      if (!c) continue;
      const format = l.formats[i]; // the column the cell starts in
      const diff = diffs?.get(`${columnLetter(i)}${r + 1}`);
      if (c.colSpan && !head) i += c.colSpan - 1;
      const Tag = head && c.kind === 'header' ? 'th' : 'td';
      cells.push(
        <Tag
          key={i}
          colSpan={c.colSpan}
          rowSpan={c.rowSpan}
          className={c.kind === 'form' ? 'pb-pf-line' : 'pb-pf-cell'}
          style={cellStyle(c)}
        >
          {printedText(c, format, lang)}
          {diff && (
            <span className="pb-pf-diff" data-testid="print-stated-diff">
              ≠ {printedFigure(diff.computed, c.format ?? format, lang)}*
            </span>
          )}
        </Tag>,
      );
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }
  return <>{rows}</>;
}

function Cols({ widths }: { widths: number[] }) {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: `${(100 * w) / total}%` }} />
      ))}
    </colgroup>
  );
}

export function PrintableForm({
  sheet,
  meta,
  values,
  lang,
}: {
  sheet: AppendixSheet;
  meta: PlanMeta;
  values: SheetValues;
  lang: Lang;
}) {
  // stated figures print as stated, as the grid shows them (the file's `keep` choice)
  const l = layoutAppendix(sheet, meta, values, totalLabel(lang), 'keep');
  const end = l.tableEnd ?? l.rows.length;
  const kept = l.kept ?? [];
  const diffs = new Map(kept.map((f) => [f.cell, f]));
  return (
    <section className="pb-print-form" data-testid="print-form">
      <table className="pb-pf-head">
        <Cols widths={l.widths} />
        <tbody>
          <Rows l={l} from={0} to={l.headerStart} lang={lang} />
        </tbody>
      </table>
      <table className="pb-pf-table">
        <Cols widths={l.widths} />
        <thead>
          <Rows l={l} from={l.headerStart} to={l.firstRow} lang={lang} head />
        </thead>
        <tbody>
          <Rows l={l} from={l.firstRow} to={end} lang={lang} diffs={diffs} />
        </tbody>
      </table>
      {kept.length > 0 && (
        <p className="pb-pf-note" data-testid="print-stated-note">
          {statedNote(lang, kept.length)}
        </p>
      )}
      <table className="pb-pf-sign">
        <Cols widths={l.widths} />
        <tbody>
          <Rows l={l} from={end} to={l.rows.length} lang={lang} />
        </tbody>
      </table>
    </section>
  );
}
