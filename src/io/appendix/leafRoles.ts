/** What a header column is (number, name, notes, stated total, figures) before its figures refine it. */
import { isCodeLabel } from '../../domain/matchCodes';
import { fold } from '../../domain/sources';
import type { ColumnLeaf } from '../../domain/types';
import type { LeafSpec } from './header';

/**
 * The role of a leaf without a year or source by its header path: row numbering, the project
 * code (a text), notes, the coordinating or leading body, the name (left of the first amount), a
 * stated total, else figures.
 */
export function roleOf(path: string[], index: number, firstAmount: number): ColumnLeaf['role'] {
  const f = path.map(fold);
  const last = f[f.length - 1] ?? '';
  const all = f.join(' | ');
  if (/^(s?tt|t t|so tt|stt|so thu tu)( no\.?)?$/.test(last)) return 'number';
  // a code (`Mã dự án`: `7012345`, `DA-01`; a budget code `Mã chương / Chapter code`: `018`) is
  // text, its digits no figure
  if (isCodeLabel(path[path.length - 1] ?? '')) return 'text';
  if (/ghi chu/.test(all)) return 'notes';
  if (/phoi hop/.test(all)) return 'coord';
  if (/(don vi thuc hien|chu dau tu|don vi chu tri|co quan chu tri|don vi thu huong)/.test(all))
    return 'lead';
  if (firstAmount < 0 || index < firstAmount) {
    if (/(ten|noi dung|danh muc|chi tieu|hang muc|linh vuc|tinh|thanh pho|dia phuong)/.test(all))
      return 'name';
  }
  if (/(tong muc dau tu|tong so|tong cong|tong kinh phi|tong von)/.test(last)) return 'stated';
  return 'value';
}

/**
 * Amount columns claiming the same year and capital source (`Đầu tư từ nguồn vốn ngoài nước`,
 * `Đầu tư một số công trình quan trọng`: both read as ĐTPT) are no year × source partition of the
 * row: the source word is part of what they name. They are figure columns (`value`).
 */
export function twiceClaimed(specs: LeafSpec[]): void {
  const key = (l: ColumnLeaf) => `${l.year ?? ''}|${l.source ?? ''}`;
  const seen = new Map<string, number>();
  for (const { leaf } of specs)
    if (leaf.role === 'amount') seen.set(key(leaf), (seen.get(key(leaf)) ?? 0) + 1);
  for (const spec of specs) {
    const l = spec.leaf;
    if (l.role !== 'amount' || l.year !== undefined || (seen.get(key(l)) ?? 0) < 2) continue;
    l.role = 'value';
    l.id = `c${spec.cols[0]}`;
    delete l.source;
  }
}
