/**
 * Clipboard text as tab-separated values (what Excel, LibreOffice, Google Sheets, Word and PDF
 * readers exchange): parsing, writing, and the number style of a pasted block.
 */
import type { NumberStyle } from '../domain/numbers';
import { asPasted, type PastedCell } from '../domain/typedText';

/** Parses clipboard text as TSV (Excel quoting: "a""b", fields with tabs or newlines). */
export function parseTsv(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (s === '') return [];
  // no quote anywhere (a block of figures): every tab ends a field and every newline a row
  if (!s.includes('"')) return s.split('\n').map((line) => line.split('\t'));
  return parseQuoted(s);
}

/** TSV with quoted fields, character by character (`s`: newlines normalised, not empty). */
function parseQuoted(s: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atStart = true;
  while (i < s.length) {
    const ch = s[i];
    if (atStart && ch === '"') {
      const close = s.indexOf('"', i + 1);
      if (close > 0) {
        let j = i + 1;
        let val = '';
        while (j < s.length) {
          if (s[j] === '"' && s[j + 1] === '"') {
            val += '"';
            j += 2;
          } else if (s[j] === '"') break;
          else val += s[j++];
        }
        if (j < s.length && (s[j + 1] === '\t' || s[j + 1] === '\n' || j + 1 === s.length)) {
          field = val;
          i = j + 1;
          atStart = false;
          continue;
        }
      }
    }
    atStart = false;
    if (ch === '\t') {
      row.push(field);
      field = '';
      atStart = true;
    } else if (ch === '\n') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      atStart = true;
    } else field += ch;
    i++;
  }
  row.push(field);
  out.push(row);
  return out;
}

/** TSV text of a matrix (quoted where Excel would). */
export function toTsv(m: readonly (readonly string[])[]): string {
  const q = (v: string) => (/[\t\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return m.map((r) => r.map(q).join('\t')).join('\n');
}

const EN = [/^-?\d{1,3}(,\d{3})+(\.\d+)?$/, /^-?\d+\.\d{1,2}$/, /^-?\d+\.\d{4,}$/];
const VI = [/^-?\d{1,3}(\.\d{3})+(,\d+)?$/, /^-?\d+,\d{1,2}$/, /^-?\d+,\d{4,}$/];

/**
 * The number style of a pasted block: `1,500.25` anywhere means English, `1.500,25` Vietnamese.
 * Cells whose value the copier stated (clipboard HTML) need no style and tell none.
 */
export function detectStyle(m: readonly (readonly (string | PastedCell)[])[]): NumberStyle {
  let vi = 0;
  let en = 0;
  for (const r of m)
    for (const c of r) {
      const { text: v, value } = asPasted(c);
      if (value !== undefined) continue;
      // every pattern has a separator: a plain figure (most of a pasted block) tells nothing
      if (!v.includes('.') && !v.includes(',')) continue;
      const t = v.trim();
      if (EN.some((re) => re.test(t))) en++;
      if (VI.some((re) => re.test(t))) vi++;
    }
  return en > vi ? 'en' : vi > en ? 'vi' : 'auto';
}
