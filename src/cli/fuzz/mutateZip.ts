/**
 * Structural damage inside zip packages (.xlsx, .ods): rows and columns pushed to the sheet's
 * edge, repeated cells, deeply nested formulas, broken XML, a lying directory.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { damageBytes, int, pick, type Rnd } from './mutateBytes';

const COLS = ['XFD', 'ZZ', 'AAA', 'XFC', 'A'];

/** Damage to an XML part's text: what a hostile or broken writer could put there. */
function damageXml(r: Rnd, xml: string, ods: boolean): { how: string; xml: string } {
  const rowRef = () => pick(r, [1_048_576, 1_000_000, 65_536, 200_001, 4_294_967_295, 0, -1]);
  switch (int(r, 10)) {
    case 0:
      return {
        how: 'cell pushed to the last column',
        xml: xml.replace(/ r="([A-Z]+)(\d+)"/, (_m, _c, n: string) => ` r="${pick(r, COLS)}${n}"`),
      };
    case 1:
      return {
        how: 'row number at the edge',
        xml: xml.replace(/<row r="\d+"/, () => `<row r="${rowRef()}"`),
      };
    case 2: {
      // repeat a row many times (rows × columns actually used)
      const m = /<row[\s\S]*?<\/row>|<table:table-row[\s\S]*?<\/table:table-row>/.exec(xml);
      if (!m) return { how: 'no row to repeat', xml };
      const n = pick(r, [100, 5_000, 50_000]);
      return {
        how: `row repeated ${n} times`,
        xml: xml.slice(0, m.index) + m[0].repeat(n) + xml.slice(m.index),
      };
    }
    case 3: {
      const depth = pick(r, [65, 130, 2_000, 20_000]);
      const f = `${'SUM('.repeat(depth)}1${')'.repeat(depth)}`;
      return {
        how: `formula nested ${depth} deep`,
        xml: ods
          ? xml.replace(/<table:table-cell/, `<table:table-cell table:formula="of:=${f}"`)
          : xml.replace(
              /<c r="([A-Z]+\d+)"([^>]*?)(\/>|>)/,
              `<c r="$1"$2><f>${f}</f><v>1</v></c><c r="XFA1"$3`,
            ),
      };
    }
    case 4: {
      const n = pick(r, [1_000, 100_000, 1_048_576, 16_384]);
      return {
        how: `repeated ${n} times (ODF attribute)`,
        xml: xml
          .replace(/table:number-(columns|rows)-repeated="\d+"/, `table:number-$1-repeated="${n}"`)
          .replace(/<table:table-cell /, `<table:table-cell table:number-columns-repeated="${n}" `),
      };
    }
    case 5: {
      const at = int(r, xml.length);
      return { how: `XML cut at ${at}`, xml: xml.slice(0, at) };
    }
    case 6: {
      const at = int(r, xml.length);
      const junk = pick(r, [
        '<',
        '&',
        '&bogus;',
        ']]>',
        '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
        '\u0000',
        '"',
        '</c>',
      ]);
      return {
        how: `inserted ${JSON.stringify(junk)}`,
        xml: xml.slice(0, at) + junk + xml.slice(at),
      };
    }
    case 7:
      return {
        how: 'dimension of a million rows',
        xml: xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
      };
    case 8:
      return {
        how: 'merged range over the whole sheet',
        xml: xml.replace(/<mergeCell ref="[^"]*"\/>/, '<mergeCell ref="A1:XFD1048576"/>'),
      };
    default: {
      const n = pick(r, [1_000, 10_000]);
      return {
        how: `${n} sheets listed`,
        xml: xml.replace(
          /(<sheet [^>]*\/>)/,
          (m) =>
            m +
            Array.from({ length: n }, (_, k) => m.replace(/name="[^"]*"/, `name="S${k}"`)).join(''),
        ),
      };
    }
  }
}

/** Damage inside a zip package: one part's XML, then zipped again (stored or deflated). */
export function damageZip(
  r: Rnd,
  src: Uint8Array,
  ods: boolean,
): { how: string; bytes: Uint8Array } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(src);
  } catch {
    return damageBytes(r, src);
  }
  const parts = Object.keys(files).filter((n) => n.endsWith('.xml'));
  const preferred = parts.filter((n) => /sheet|content|workbook|sharedStrings/.test(n));
  const part = pick(r, preferred.length && r() < 0.8 ? preferred : parts);
  const { how, xml } = damageXml(r, strFromU8(files[part]), ods);
  files[part] = strToU8(xml);
  const bytes = zipSync(files, { level: r() < 0.3 ? 0 : 6 });
  return { how: `${part}: ${how}`, bytes };
}
