/**
 * Every number cell of exported `.xlsx` files as openpyxl reads it (its value, a formula's cached
 * value, and its number format), and the text Excel shows for it by SheetJS's SSF formatter (the
 * Excel format rules, independent of LibreOffice, which hides a trailing decimal point).
 */
import { execFileSync } from 'node:child_process';
import * as XLSX from '@e965/xlsx';
import { PYTHON } from './openpyxl';

/** One number cell: where, its value, its format, and the text Excel shows. */
export interface ShownNumber {
  file: number;
  ref: string;
  value: number;
  format: string;
  shown: string;
}

const SCRIPT = String.raw`
import json, sys, warnings
import openpyxl
warnings.simplefilter('ignore')
out = []
for k, path in enumerate(sys.argv[1:]):
    wb = openpyxl.load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    continue
                out.append({'file': k, 'ref': ws.title + '!' + c.coordinate, 'value': v, 'format': c.number_format})
print(json.dumps(out))
`;

/** The number cells of the files, each with the text Excel shows for it. */
export function shownNumbers(files: string[]): ShownNumber[] {
  const text = execFileSync(PYTHON, ['-c', SCRIPT, ...files], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const cells = JSON.parse(text) as Omit<ShownNumber, 'shown'>[];
  return cells.map((c) => ({ ...c, shown: shown(c.format, c.value) }));
}

/**
 * Excel's text of `value` under `fmt` by SSF; SSF cannot render a fraction under a grouped format
 * with optional decimals (`#,##0.##` throws 'unsupported format'), so that one is rendered without
 * its grouping (`0.##`): the decimals and the trailing point come out the same.
 */
function shown(fmt: string, value: number): string {
  try {
    return XLSX.SSF.format(fmt, value);
  } catch {
    return XLSX.SSF.format(fmt.replace(/#,##0/g, '0'), value);
  }
}
