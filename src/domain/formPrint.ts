/**
 * The texts of a plan's printed form (the export's header block and signature, the app's print) (Nghị định 30/2020 layout): the issuing body and number on the
 * left, the national motto and the place and date on the right, the attachment line naming the
 * document type, and the signature block. Defaults fill what the plan's metadata leaves out.
 */
import type { DocType, PlanMeta } from './types';

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';

/** The number abbreviation of each document type. */
export const DOC_ABBR: Record<DocType, { abbr: string }> = {
  'Kế hoạch': { abbr: 'KH' },
  'Tờ trình': { abbr: 'TTr' },
  'Quyết định': { abbr: 'QĐ' },
  'Báo cáo': { abbr: 'BC' },
};

/** A line of the header block with its emphasis. */
export interface FormLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface FormTexts {
  /** Left column: superior body, issuing body (bold, underlined), number. */
  left: FormLine[];
  /** Right column: motto (bold), its second line (bold, underlined), place and date (italic). */
  right: FormLine[];
  /** `(Kèm theo Kế hoạch số … ngày … của …)`. */
  attachment: string;
  /** Signer's title lines (bold) and name (bold; '' when not given). */
  signerTitle: string[];
  signerName: string;
}

const BLANK = '…';
const UBND = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu;

/** A date written d/m/yyyy or yyyy-mm-dd, as numbers; null when it is neither. */
export function parseDocDate(s: string): { d: number; m: number; y: number } | null {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : vi ? [+vi[3], +vi[2], +vi[1]] : [0, 0, 0];
  return y && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? { d, m, y } : null;
}

/** The place named in an issuing body (`UBND tỉnh Quảng Trị` → `Quảng Trị`), or ''. */
export function placeOf(issuingBody: string): string {
  const m = /(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã)\s+(.+)$/iu.exec(issuingBody.trim());
  return m ? m[1].trim() : '';
}

/** `ngày 06 tháng 5 năm 2011` (days below 10 and months 1–2 with a leading zero, as custom). */
function dateWords(docDate: string): string {
  const p = parseDocDate(docDate);
  if (!p) return `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const dd = String(p.d).padStart(2, '0');
  const mm = p.m <= 2 ? String(p.m).padStart(2, '0') : String(p.m);
  return `ngày ${dd} tháng ${mm} năm ${p.y}`;
}

/** The date as the attachment line writes it: as typed, an ISO date as `06/5/2011`. */
function dateShort(docDate: string): string {
  const p = /^\d{4}-/.test(docDate.trim()) ? parseDocDate(docDate) : null;
  return p ? `${String(p.d).padStart(2, '0')}/${p.m}/${p.y}` : docDate.trim();
}

/** The issuing body's lines: `UBND tỉnh X` with no superior body is `ỦY BAN NHÂN DÂN / TỈNH X`. */
function bodyLines(superior: string, issuing: string): FormLine[] {
  const up = (s: string) => s.trim().toLocaleUpperCase('vi');
  const u = UBND.exec(issuing.trim());
  if (!superior.trim() && u)
    return [
      { text: 'ỦY BAN NHÂN DÂN', bold: true },
      { text: up(u[1]), bold: true, underline: true },
    ];
  const out: FormLine[] = [];
  if (superior.trim()) out.push({ text: up(superior) });
  out.push({ text: issuing.trim() ? up(issuing) : BLANK, bold: true, underline: true });
  return out;
}

/** The default signer's title for an issuing body. */
function defaultSigner(issuing: string): string[] {
  return UBND.test(issuing.trim()) ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['THỦ TRƯỞNG ĐƠN VỊ'];
}

/** Every text of the printed form of a plan. */
export function formTexts(meta: PlanMeta): FormTexts {
  const name: DocType = meta.docType && meta.docType in DOC_ABBR ? meta.docType : 'Kế hoạch';
  const type = { name, ...DOC_ABBR[name] };
  const issuing = meta.issuingBody ?? '';
  const number = meta.docNumber.trim();
  const place = (meta.place ?? placeOf(issuing)).trim();
  const date = dateShort(meta.docDate ?? '');
  const left = [
    ...bodyLines(meta.superiorBody ?? '', issuing),
    { text: `Số: ${number || `${BLANK}/${type.abbr}`}` },
  ];
  const right: FormLine[] = [
    { text: MOTTO, bold: true },
    { text: MOTTO_SUB, bold: true, underline: true },
    { text: `${place || BLANK}, ${dateWords(meta.docDate ?? '')}`, italic: true },
  ];
  const attachment =
    `(Kèm theo ${type.name} số ${number || `${BLANK}/${type.abbr}`}` +
    ` ngày ${date || BLANK}${issuing.trim() ? ` của ${issuing.trim()}` : ''})`;
  const title = (meta.signerTitle ?? '').trim();
  return {
    left,
    right,
    attachment,
    // lines apart by a line break or a spaced slash (`KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC`)
    signerTitle: title
      ? title.split(/\r?\n|\s+\/\s+/).map((l) => l.trim())
      : defaultSigner(issuing),
    signerName: (meta.signerName ?? '').trim(),
  };
}
