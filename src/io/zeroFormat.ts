/**
 * Excel's rule for a zero under a number format: the section that applies to zero (the third
 * when there are three or four, else the first) prints digits only through its placeholders, and
 * `#` prints none for a zero, so a section made of `#` and thousands commas alone (`#,###`,
 * `#,###,###`) or an empty one (`#,##0;-#,##0;`) shows a zero as blank. SheetJS's formatter
 * cannot format some of them (`#,###,###` throws), and its readers then show `0`.
 */

/** The sections of a number format, split at `;` outside quotes, brackets and escapes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Whether Excel shows a numeric zero under format `fmt` as blank (see above). */
export function zeroShownBlank(fmt: string): boolean {
  if (!fmt.includes('#') && !fmt.includes(';')) return false;
  const s = sections(fmt);
  const zero = s.length >= 3 ? s[2] : s[0];
  // colours and conditions print nothing; anything else (0, ?, text, a point, %) prints something
  return /^[#,]*$/.test(zero.replace(/\[[^\]]*\]/g, ''));
}
