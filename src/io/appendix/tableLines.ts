/**
 * The lines of a table under its header band: which lines are the table's (hidden rows, repeated
 * headers at page breaks and the notes below set apart) and a line's field by role (the lines that
 * continue a row's label: splitLines.ts).
 */
import { isProjectCodeLabel } from '../../domain/matchCodes';
import { fold } from '../../domain/sources';
import { styleOf } from '../../domain/rowNumbering';
import { cellText, isFolded, type RawGrid, rowShown } from './grid';
import type { HeaderBand, LeafSpec } from './header';
import { isFooterLine } from './rowKinds';
import { type Ctx, hasFigures } from './rowFigures';

/** A line's cell texts, spaces collapsed. */
export function rowTexts(g: RawGrid, r: number): string[] {
  return (g.rows[r] ?? []).map((c) => c.text.replace(/\s+/g, ' ').trim());
}

/** Whether a text (folded) is one of the header's. */
const isHeaderText = (c: Ctx, t: string) => c.headerTexts.has(fold(t));

/** Whether `fold(t)` is `t` itself: printable ASCII without capitals or spaces (figures, codes). */
function foldsToItself(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch < 33 || ch > 126 || (ch >= 65 && ch <= 90)) return false;
  }
  return true;
}

/**
 * Whether a line's non-empty texts are mostly the header's (a header repeated at a page break).
 * The texts that fold to themselves (figures) are asked first, without folding: a line of figures
 * is told apart before its labels are folded (the answer does not depend on the order).
 */
function isRepeatedHeader(c: Ctx, texts: readonly string[]): boolean {
  if (texts.length < 2) return false;
  const need = Math.max(2, texts.length * 0.6);
  let hits = 0;
  let misses = 0;
  let others = 0;
  for (const t of texts) {
    if (!foldsToItself(t)) others++;
    else if (c.headerTexts.has(t)) hits++;
    else if (texts.length - ++misses < need) return false; // the rest cannot reach it
  }
  if (others)
    for (const t of texts) {
      if (foldsToItself(t)) continue;
      if (isHeaderText(c, t)) hits++;
      else if (texts.length - ++misses < need) return false;
    }
  return hits >= need;
}

/**
 * Whether line r is a row whose figures only look like the header's numbering row (`2 | Góp vốn …
 * | 2 | 1` under `1 | 2 | 3 | 4`): its name column holds a text none of the header's, and none of
 * its words is a header text (a header repeated with a mark or a stray word still is one).
 */
function namesOther(c: Ctx, r: number, texts: readonly string[]): boolean {
  const name = field(c, r, 'name');
  if (!name || isHeaderText(c, name)) return false;
  return !texts.some((t) => !foldsToItself(t) && isHeaderText(c, t));
}

/**
 * A name cell's leading numbering and the name after it (`I. Ngành giáo dục` → `I.`, `Ngành giáo
 * dục`; `a) …`, `1.2. …`, `- Dự án …`), or `''` and the whole text when it starts with none. A
 * numeral needs its `.` or `)` and a space after it (`2010 …`, `A-B …` are names).
 */
export function numberedName(t: string): [string, string] {
  const m = /^(?:((?:[IVXLC]+|[ivx]+|\d+(?:\.\d+)*|[a-zđA-Z])[.)])|([-–+*•]))\s+(?=\S)/u.exec(t);
  return m ? [m[1] ?? m[2], t.slice(m[0].length)] : ['', t];
}

/** Whether line r's number cell is merged with its name cell (a label written across both). */
function mergedToName(c: Ctx, r: number): boolean {
  const no = c.byRole?.get('number')?.cols[0];
  const name = c.byRole?.get('name')?.cols[0];
  if (no === undefined || name === undefined) return false;
  return c.g.merges.some((m) => m.r0 <= r && r <= m.r1 && m.c0 <= no && m.c1 >= name);
}

/** The text of line r in the column(s) of a role (`name`, `number`, `lead`…), '' if none. */
export function field(c: Ctx, r: number, role: string): string {
  let byRole = c.byRole;
  if (!byRole) {
    byRole = new Map<string, LeafSpec>();
    for (const s of c.specs) if (!byRole.has(s.leaf.role)) byRole.set(s.leaf.role, s);
    // the project code's column (a text column headed `Mã dự án`), read as the role `code`
    const code = c.specs.find((s) => s.leaf.role === 'text' && isProjectCodeLabel(s.leaf.label));
    if (code) byRole.set('code', code);
    c.byRole = byRole;
  }
  if ((role === 'number' || role === 'name') && byRole.has('name')) {
    // a table without a number column writes each row's numbering at the start of its name
    if (!byRole.has('number')) {
      const [no, name] = numberedName(field(c, r, 'label'));
      return role === 'number' ? no : name;
    }
    // a row merged across the number and name columns holds its label in the merge's first cell
    // (a merge that reaches the name column, or a label numbered as a row is: a stray title
    // line typed in the number column alone is not a row's label)
    const tt = field(c, r, 'tt');
    if (
      /\p{L}{2}/u.test(tt) &&
      !field(c, r, 'label') &&
      (numberedName(tt)[0] || mergedToName(c, r))
    ) {
      const [no, name] = numberedName(tt);
      return role === 'number' ? no : name;
    }
    return role === 'number' ? tt : field(c, r, 'label');
  }
  const spec = byRole.get(role === 'label' ? 'name' : role === 'tt' ? 'number' : role);
  if (!spec) return '';
  const fields = (c.fields ??= new Map());
  let known = fields.get(role);
  if (!known) fields.set(role, (known = []));
  let t = known[r];
  if (t === undefined) {
    // the non-empty texts of the role's columns, joined by a space
    t = '';
    const shown = rowShown(c.g, r);
    for (const col of spec.cols) {
      const x = shown[col] ?? '';
      if (x) t = t ? `${t} ${x}` : x;
    }
    known[r] = t;
  }
  return t;
}

/**
 * Line r's non-empty cell texts (as `rowTexts` gives them, empty ones left out): the texts of a
 * line are read once for all the tests below. A line without an empty text gives its shown texts
 * themselves (read only: no copy made).
 */
function lineTexts(g: RawGrid, r: number): readonly string[] {
  const shown = rowShown(g, r);
  let k = 0;
  while (k < shown.length && shown[k]) k++;
  if (k === shown.length) return shown;
  const out = shown.slice(0, k);
  for (let col = k + 1; col < shown.length; col++) {
    const t = shown[col];
    if (t) out.push(t);
  }
  return out;
}

/**
 * Whether hidden row r, filtered out by an AutoFilter, names what a shown row of its section names:
 * a section lists a project once, so it is an older copy the author hid (a filter hides other
 * projects, never a second line of a shown one). A sub-item named alike in another section (`Bổ
 * sung cân đối` under spending and under revenue, `- Chi phí khác` under two projects) is another
 * line: a row numbered in another style than r (a heading, or the project over an unnumbered
 * sub-item) between the two. A row collapsed in an outline group is current.
 */
function copiesShown(c: Ctx, band: HeaderBand, r: number): boolean {
  const g = c.g;
  if (g.groupedRows?.has(r)) return false;
  // its texts (numbering and name, figures left out): a sub-item named alike under another
  // project (`Vốn trong nước`) is numbered apart or sits apart
  const key = (k: number) =>
    (g.rows[k] ?? [])
      .map((x, i) => (typeof x?.value === 'number' ? '' : cellText(g, k, i).toLowerCase()))
      .join('|');
  const own = key(r);
  if (!field(c, r, 'name')) return false;
  const style = styleOf(field(c, r, 'number'));
  // whether a line numbered in another style than r's stands between lines x < y
  const apart = (x: number, y: number) => {
    for (let k = x + 1; k < y; k++) {
      const tt = field(c, k, 'number');
      if (tt && styleOf(tt) !== style) return true;
    }
    return false;
  };
  for (let k = band.end; k < g.rows.length; k++)
    if (!g.hiddenRows?.has(k) && key(k) === own && !apart(Math.min(r, k), Math.max(r, k)))
      return true;
  return false;
}

/** The rows of the table (below the band, above the footer), with the lines below kept as text. */
export function tableRows(c: Ctx, band: HeaderBand): { data: number[]; footer: string[] } {
  const { g, warnings } = c;
  const data: number[] = [];
  const footer: string[] = [];
  let afterRepeat = false;
  for (let r = band.end; r < g.rows.length; r++) {
    const texts = lineTexts(g, r);
    if (!texts.length) continue;
    if (footer.length) {
      footer.push(texts.join(' '));
      continue;
    }
    if (g.hiddenRows?.has(r) && isFolded(g, r) && !c.stale?.has(r) && !copiesShown(c, band, r)) {
      warnings.push({
        code: 'foldedRow',
        row: g.lineOf[r],
        sheet: g.name,
        message: `line ${g.lineOf[r]}: hidden row (${g.groupedRows?.has(r) ? 'collapsed in an outline group' : 'filtered out by the AutoFilter'}), read as part of the table`,
      });
    } else if (g.hiddenRows?.has(r)) {
      warnings.push({
        code: 'hiddenRow',
        row: g.lineOf[r],
        sheet: g.name,
        message: `line ${g.lineOf[r]}: hidden row, not read as part of the table`,
      });
      continue;
    }
    // a line naming something the header does not (a project with figures like `2`, `1`) is a row
    if (isRepeatedHeader(c, texts) && !namesOther(c, r, texts)) {
      warnings.push({
        code: 'repeatedHeader',
        row: g.lineOf[r],
        sheet: g.name,
        message: `line ${g.lineOf[r]}: repeated header (page break) dropped`,
      });
      afterRepeat = true;
      continue;
    }
    const first = texts[0];
    if (data.length && isFooterLine(first) && !hasFigures(c, r)) {
      footer.push(texts.join(' '));
      warnings.push({
        code: 'belowTable',
        row: g.lineOf[r],
        sheet: g.name,
        message: `line ${g.lineOf[r]}: notes below the table from here on, kept as the sheet's text`,
      });
      continue;
    }
    if (
      afterRepeat &&
      !cellText(g, r, c.specs[0]?.cols[0] ?? 0) &&
      !field(c, r, 'name') &&
      texts.every((t) => isHeaderText(c, t) || /^\d{4}$/.test(t))
    )
      continue;
    data.push(r);
  }
  return { data, footer };
}

/** Whether a text is written in upper case (and has letters). */
export const isUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
