/**
 * Every styled `.xlsx` Planbook writes goes through here. write-excel-file looks its shared strings
 * up in a plain object, so a text equal to an `Object.prototype` name (`constructor`, `__proto__`,
 * `toString`…) would be written as another string; here every text cell is handed to the library as
 * a placeholder (so that it still creates the cell's style and merge) and written back into the
 * sheet's XML as an inline string, escaped by Planbook.
 */
import writeXlsxFile, { type Sheet } from 'write-excel-file/universal';
import { colName } from './appendixSheet';
import { inlineStringCell } from './xmlText';

/** Changes to the written parts: each sheet's XML (by index) and `xl/workbook.xml`. */
export interface BookTransforms {
  sheet?: (xml: string, sheetIndex: number) => string;
  workbook?: (xml: string) => string;
}

const PLACEHOLDER = '\u2060';

/** The sheet's data with its texts replaced by placeholders, and the texts by A1 address. */
function takeTexts(data: unknown[][]): { data: unknown[][]; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const out = data.map((row, r) =>
    row.map((cell, c) => {
      const x = cell as { type?: unknown; value?: unknown } | null;
      if (!x || x.type !== String || typeof x.value !== 'string') return cell;
      texts.set(`${colName(c)}${r + 1}`, x.value);
      return { ...x, value: PLACEHOLDER };
    }),
  );
  return { data: out, texts };
}

const LIBRARY_TEXT = /<c r="([A-Z]+\d+)"((?: s="\d+")?) t="s"><v>\d+<\/v><\/c>/g;

/** The library's shared-string cells written as inline strings with their real texts. */
function inlineTexts(xml: string, texts: Map<string, string>): string {
  return xml.replace(LIBRARY_TEXT, (m, ref: string, s: string) => {
    const text = texts.get(ref);
    return text === undefined ? m : inlineStringCell(ref, s, text);
  });
}

/** Writes the sheets (Times New Roman 12); resolves with the file's bytes. */
export async function writeBook(
  sheets: Sheet<Blob>[],
  transforms: BookTransforms = {},
): Promise<Uint8Array> {
  const taken = sheets.map((s) => takeTexts(s.data as unknown[][]));
  const blob = await writeXlsxFile(
    sheets.map((s, i) => ({ ...s, data: taken[i].data as Sheet<Blob>['data'] })),
    {
      fontFamily: 'Times New Roman',
      fontSize: 12,
      features: [
        {
          files: {
            transform: {
              'xl/worksheets/sheet{id}.xml': {
                transform: (content, _o, { sheetIndex }) =>
                  inlineTexts(
                    transforms.sheet ? transforms.sheet(content, sheetIndex) : content,
                    taken[sheetIndex].texts,
                  ),
              },
              ...(transforms.workbook
                ? {
                    'xl/workbook.xml': {
                      transform: (content: string) => transforms.workbook!(content),
                    },
                  }
                : {}),
            },
          },
        },
      ],
    },
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
