/** Plan metadata from the title block above a table: title, document number and date, unit. */
import { DOC_TYPES } from '../../domain/formMeta';
import type { PlanMeta } from '../../domain/types';
import { cellText, type RawGrid } from './grid';

/** A line naming an issuing body (`UBND TỈNH …`, `SỞ …`, `BỘ TÀI CHÍNH`). */
const ISSUER = /^(ubnd|ủy ban|uỷ ban|hđnd|hội đồng nhân dân|sở|bộ|tổng cục|cục|ban|văn phòng)\s/i;

/** Reads what the rows above the header band say about the plan. */
export function readMeta(g: RawGrid, before: number): Partial<PlanMeta> & { lines: string[] } {
  // each cell is its own line: a title block row often holds the issuing body on the left and the
  // national motto on the right
  const lines: string[] = [];
  for (let r = 0; r < before; r++) {
    // a hidden row of the title block is not printed (a line left from another year's table)
    if (g.hiddenRows?.has(r)) continue;
    for (let c = 0; c < (g.rows[r] ?? []).length; c++) {
      const t = cellText(g, r, c).replace(/\*+/g, '').trim();
      if (t) lines.push(t);
    }
  }
  let issuer: string | undefined;
  let afterIssuer = false;
  const out: Partial<PlanMeta> & { lines: string[] } = { lines };
  const title: string[] = [];
  let carried: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i];
    // the printed form's number line (`Số: 1024/KH-UBND`) and place and date line
    const no = /^số\s*:\s*(.*)$/i.exec(l);
    if (no) {
      if (/\d/.test(no[1])) out.docNumber ??= no[1].replace(/\s+/g, '');
      continue;
    }
    const dated = /^([^,]{1,40}),\s*ngày\s+(\d{1,2})?.*?tháng\s+(\d{1,2})?.*?năm\s+(\d{4})?/i.exec(
      l,
    );
    if (dated) {
      if (!/^[.…\s]*$/.test(dated[1])) out.place = dated[1].trim();
      if (dated[2] && dated[3] && dated[4]) out.docDate ??= `${dated[2]}/${+dated[3]}/${dated[4]}`;
      continue;
    }
    const unit = /^\(?\s*(?:đvt|dvt|đơn vị tính|đơn vị)\s*[:.]\s*(.+?)\)?$/i.exec(l);
    if (unit) {
      // `Đơn vị: Sở Nội vụ` names the department, not the money unit
      if (ISSUER.test(unit[1])) carried ??= unit[1].trim();
      else out.unit = unit[1].trim().toLowerCase();
      continue;
    }
    if (/kèm theo|ban hành kèm/i.test(l)) {
      // a bracket left open goes on over the next lines (`(Kèm theo Quyết định số … ngày …` /
      // `của Bộ trưởng Bộ Tài chính …)`): they are the attachment line's, not the title's
      const own = l;
      for (let k = 0; k < 2 && unclosed(l) && i + 1 < lines.length; k++) l = `${l} ${lines[++i]}`;
      const type = DOC_TYPES.find((d) => new RegExp(`kèm theo\\s+${d}`, 'i').test(l));
      if (type && type !== 'Kế hoạch') out.docType = type;
      const no = /số\s*:?\s*([0-9]+\s*\/\s*[0-9A-ZĐa-zđ\-/]+)/.exec(l);
      if (no) out.docNumber = no[1].replace(/\s+/g, '');
      const date =
        /ngày\s*([0-9]{1,2})\s*\/\s*([0-9]{1,2})\s*\/\s*([0-9]{4})/.exec(l) ??
        /ngày\s*([0-9]{1,2})\s*tháng\s*([0-9]{1,2})\s*năm\s*([0-9]{4})/.exec(l);
      if (date) out.docDate = `${date[1]}/${date[2]}/${date[3]}`;
      const body = /của\s+(.+?)\s*\)?\s*$/.exec(l);
      const by = body?.[1].replace(/\s+về việc.*$/i, '').trim();
      // a body on a line of its own (`của Bộ trưởng Bộ Tài chính`) names the signer's office: the
      // issuing body of the title block, when there is one, stays the header's
      if (by && l === own) out.issuingBody = by;
      else if (by) carried = by;
      continue;
    }
    if (/^(cộng hòa|cộng hoà|độc lập|-{3,})/i.test(l)) continue;
    // the issuing body's second line (`ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG TRỊ`): the place, in capitals
    if (
      afterIssuer &&
      issuer &&
      l === l.toLocaleUpperCase('vi') &&
      /^(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s/u.test(l)
    ) {
      issuer = `${issuer} ${l}`;
      afterIssuer = false;
      continue;
    }
    if (ISSUER.test(l) && !/phụ lục|kế hoạch|danh mục|dự toán|quyết toán/i.test(l)) {
      issuer = issuer ? `${issuer} - ${l}` : l;
      afterIssuer = true;
      continue;
    }
    afterIssuer = false;
    title.push(l);
  }
  if (!out.issuingBody && (issuer ?? carried)) out.issuingBody = issuer ?? carried;
  if (title.length) out.title = title.join(' ').replace(/\s+/g, ' ');
  return out;
}

/** Whether a line opens more brackets than it closes. */
function unclosed(l: string): boolean {
  return (l.match(/\(/g)?.length ?? 0) > (l.match(/\)/g)?.length ?? 0);
}
