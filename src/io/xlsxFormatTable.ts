/**
 * The number format table of one SpreadsheetML read, as SheetJS 0.20.3 keeps it: its defaults, the
 * formats it loads on first use, the file's own, and the text a value is shown as (SheetJS's own
 * SSF formatter renders it).
 */
import { sheetJs } from './sheetJs';
import { knownText } from './xlsxFormats';

/** SheetJS's number format table at the start of every read. */
const DEFAULT_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/** Formats SheetJS loads on first use of an id the file does not define. */
const IMPLICIT: Record<number, string> = {
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  59: '0',
  60: '0.00',
  61: '#,##0',
  62: '#,##0.00',
  63: '"$"#,##0_);\\("$"#,##0\\)',
  64: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  65: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  66: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  67: '0%',
  68: '0.00%',
  69: '# ?/?',
  70: '# ??/??',
  71: 'm/d/yy',
  72: 'm/d/yy',
  73: 'd-mmm-yy',
  74: 'd-mmm',
  75: 'mmm-yy',
  76: 'h:mm',
  77: 'h:mm:ss',
  78: 'm/d/yy h:mm',
  79: 'mm:ss',
  80: '[h]:mm:ss',
  81: 'mmss.0',
};
for (const id of [23, 24, 25, 26]) IMPLICIT[id] = 'General';
for (const id of [27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58])
  IMPLICIT[id] = 'm/d/yy';
for (const id of [32, 33, 34, 35]) IMPLICIT[id] = 'h:mm:ss';

/** The number format table of one read: the defaults, then the file's own formats. */
export class FormatTable {
  private readonly table = new Map<number, string>(
    Object.entries(DEFAULT_FORMATS).map(([k, v]) => [Number(k), v]),
  );
  private readonly memo = new Map<string, Map<number | string | boolean, string | null>>();

  /** Adds a format the file defines (`numFmt`); as SheetJS does ('d.m' is mended). */
  define(id: number, code: string): void {
    this.table.set(id, code === 'd.m' ? 'd\\.m' : code);
  }

  /** The format a cell with this format id carries (read before the id is first used). */
  code(id: number): string | undefined {
    return this.table.get(id);
  }

  /** Loads an implicit format on first use of an id (after its cell took `code`). */
  use(id: number): string {
    let f = this.table.get(id);
    if (f === undefined) this.table.set(id, (f = IMPLICIT[id] ?? 'General'));
    return f;
  }

  /** The text a value is shown as in format `id`; null when SheetJS's formatter fails. */
  render(id: number, v: number | string | boolean): string | null {
    const fmt = this.use(id);
    const known = knownText(id, fmt, v);
    if (known !== undefined) return known;
    if (Object.is(v, -0)) return format(id, fmt, v);
    let m = this.memo.get(fmt);
    if (!m) this.memo.set(fmt, (m = new Map()));
    let out = m.get(v);
    if (out === undefined) {
      out = format(id, fmt, v);
      if (m.size < 50_000) m.set(v, out);
    }
    return out;
  }
}

function format(id: number, fmt: string, v: number | string | boolean): string | null {
  const { SSF } = sheetJs(); // outside the try: a read that needs SheetJS loads it and runs again
  try {
    return SSF.format(id === 0 ? 'General' : fmt, v);
  } catch {
    return null;
  }
}
