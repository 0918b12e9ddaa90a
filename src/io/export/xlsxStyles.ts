/**
 * The styles of a written workbook (`xl/styles.xml`): cell looks given as write-excel-file's cell
 * properties (font weight, style, size and underline, thin borders, alignment, wrap, indent, number
 * format) become numbered cell formats, each written once. Times New Roman 12 is the default font.
 */
import { escapeMarkup } from './xmlText';

/** The look of a cell, in write-excel-file's property names. */
export interface CellStyle {
  format?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  textDecoration?: { underline?: boolean };
  borderStyle?: string;
  borderColor?: string;
  align?: string;
  alignVertical?: string;
  wrap?: boolean;
  indent?: number;
}

const FONT = 'Times New Roman';
const SIZE = 12;
const FIRST_FORMAT = 100;

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

/** A `<border>` with every side in `style` (and colour), or none. */
function borderXml(style?: string, color?: string): string {
  const side = (n: string) =>
    !style && !color
      ? `<${n}/>`
      : color
        ? `<${n} style="${escapeMarkup(style ?? 'thin')}"><color rgb="${escapeMarkup(argb(color))}"/></${n}>`
        : `<${n} style="${escapeMarkup(style!)}"/>`;
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

/** Numbered fonts, borders, number formats and cell formats of one workbook. */
export class StyleBook {
  private fonts = new Map<string, number>([['12|||', 0]]);
  private fontXml = [
    `<font><name val="${FONT}"/><sz val="${SIZE}"/><family val="2"/><color theme="1"/></font>`,
  ];
  private borders = new Map<string, number>([['|', 0]]);
  private borderXml = [borderXml()];
  private formats = new Map<string, number>();
  private xfs = new Map<string, number>();
  private xfXml: string[] = [];
  private dxfXml: string[] = [];

  constructor() {
    this.id({});
  }

  private font(s: CellStyle): number {
    const size = s.fontSize ?? SIZE;
    const b = s.fontWeight === 'bold';
    const i = s.fontStyle === 'italic';
    const u = !!s.textDecoration?.underline;
    const key = `${size}|${b ? 'b' : ''}|${i ? 'i' : ''}|${u ? 'u' : ''}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      id = this.fontXml.length;
      this.fonts.set(key, id);
      this.fontXml.push(
        `<font><name val="${FONT}"/><sz val="${size}"/><family val="2"/>${b ? '<b/>' : ''}${i ? '<i/>' : ''}${u ? '<u/>' : ''}<color theme="1"/></font>`,
      );
    }
    return id;
  }

  private border(s: CellStyle): number {
    const key = `${s.borderStyle ?? ''}|${s.borderColor ?? ''}`;
    let id = this.borders.get(key);
    if (id === undefined) {
      id = this.borderXml.length;
      this.borders.set(key, id);
      this.borderXml.push(borderXml(s.borderStyle, s.borderColor));
    }
    return id;
  }

  private format(f: string | undefined): number {
    if (!f) return 0;
    let id = this.formats.get(f);
    if (id === undefined) {
      id = FIRST_FORMAT + this.formats.size;
      this.formats.set(f, id);
    }
    return id;
  }

  /** The number of the cell format of a look (created on first use). */
  id(s: CellStyle): number {
    const key = `${s.format ?? ''}\u0001${s.fontWeight ?? ''}|${s.fontStyle ?? ''}|${s.fontSize ?? ''}|${s.textDecoration?.underline ? 1 : ''}|${s.borderStyle ?? ''}|${s.borderColor ?? ''}|${s.align ?? ''}|${s.alignVertical ?? ''}|${s.wrap ? 1 : ''}|${s.indent ?? ''}`;
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    id = this.xfXml.length;
    this.xfs.set(key, id);
    const numFmt = this.format(s.format);
    const font = this.font(s);
    const border = this.border(s);
    const align =
      (s.align ? ` horizontal="${escapeMarkup(s.align)}"` : '') +
      (s.alignVertical ? ` vertical="${escapeMarkup(s.alignVertical)}"` : '') +
      (s.indent ? ` indent="${Math.round(s.indent)}"` : '') +
      (s.wrap ? ' wrapText="1"' : '');
    this.xfXml.push(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${border ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1"><alignment${align}/></xf>` : '/>'}`,
    );
    return id;
  }

  /** The number of a differential format (conditional formatting) drawing borders. */
  borderDxf(style: string, color: string): number {
    this.dxfXml.push(`<dxf>${borderXml(style, color)}</dxf>`);
    return this.dxfXml.length - 1;
  }

  /** `xl/styles.xml`. */
  xml(): string {
    const formats = [...this.formats]
      .map(([f, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeMarkup(f)}"/>`)
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : '') +
      `<fonts count="${this.fontXml.length}">${this.fontXml.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="${this.borderXml.length}">${this.borderXml.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfXml.length}">${this.dxfXml.join('')}</dxfs>` +
      '</styleSheet>'
    );
  }
}
