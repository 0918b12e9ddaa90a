/** The plan's form as printed: document types, the issuing body's lines, the attachment line. */
import type { DocType, PlanMeta } from './types';

/** The documents an appendix may be attached to, in the order the form offers them. */
export const DOC_TYPES: readonly DocType[] = ['Kế hoạch', 'Tờ trình', 'Quyết định', 'Báo cáo'];

/** The left block of the header: the superior body, then the issuing body (blank lines left out). */
export function issuingLines(meta: PlanMeta): string[] {
  return [meta.superiorBody ?? '', meta.issuingBody].map((s) => s.trim()).filter(Boolean);
}

/**
 * The attachment line under the title (`(Kèm theo Tờ trình số 12/TTr-SKH ngày 05/03/2025 của Sở
 * KH&ĐT)`), naming the document type the plan says; '' without a document number.
 */
export function attachmentLine(meta: PlanMeta): string {
  if (!meta.docNumber.trim()) return '';
  const date = meta.docDate.trim() ? ` ngày ${meta.docDate.trim()}` : '';
  const body = meta.issuingBody.trim() ? ` của ${meta.issuingBody.trim()}` : '';
  return `(Kèm theo ${meta.docType ?? 'Kế hoạch'} số ${meta.docNumber.trim()}${date}${body})`;
}
