/**
 * Project codes (`Mã dự án`: a 7-digit TABMIS code, `DA-01`) in matching: where both files have a
 * code column, a project renamed outright keeps its code and is the same project. A code pairs
 * only what names leave open: a name that is still another project's on the other side (two rows
 * swapped, the code column left in its order) is the name's, and a code one file lacks says nothing.
 */
import { leaves } from './columns';
import { reasonList } from './matchKeys';
import { nameSimilarity } from './matchNames';
import type { Match, ProjectRef } from './matchTypes';
import { fold } from './sources';
import type { AppendixSheet } from './types';

/**
 * A project-code header: `Mã dự án`, `Mã số dự án`, `Mã DA`, `Mã công trình`, `Mã TABMIS`,
 * `Mã TMĐT`; in English `Project code`, `Project ID`, `Code`. Not a budget code (`Mã chương`,
 * `Mã ngành`, `Mã nguồn`: they name no one project) and not a bare `Mã số`.
 */
const PROJECT_CODE =
  /^(ma (so )?(du an|da|cong trinh|ct|tabmis|dau tu|tmdt)\b|project (code|id)( no\.?)?$)/;
/** A bare `Code`: a project's only when no other line of the label names another code. */
const BARE_CODE = /^code( no\.?)?$/;
/** Any code header: `Mã …` (`Mã chương`, `Mã số`), `… code` (`Chapter code`), `Code`. */
const ANY_CODE = /^ma( |$)|^([a-z]+ )?code( no\.?)?$/;

/** The lines of a (bilingual) label, folded: `Mã số / Code` → `ma so`, `code`. */
const labelParts = (label: string) =>
  label
    .split(/[\n\r/|()]/)
    .map((p) => fold(p).replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/**
 * Whether a column label names the project code, also as one line of a bilingual label
 * (`Mã dự án / Project code`, `Project code (Mã DA)`), with or without diacritics. A bare `Code`
 * beside a Vietnamese `Mã số`, `Mã chương` translates that code: no project code.
 */
export function isProjectCodeLabel(label: string): boolean {
  const parts = labelParts(label);
  if (parts.some((p) => PROJECT_CODE.test(p))) return true;
  return (
    parts.some((p) => BARE_CODE.test(p)) &&
    !parts.some((p) => ANY_CODE.test(p) && !BARE_CODE.test(p))
  );
}

/**
 * Whether a column label names codes of any kind, a project's or a budget classification's
 * (`Mã chương / Chapter code`, `Mã ngành`, `Mã số`, `Sector code`): text, never an amount.
 */
export function isCodeLabel(label: string): boolean {
  return labelParts(label).some((p) => ANY_CODE.test(p));
}

/** The id of a sheet's project-code column (a text column so headed), if any. */
export function codeColumn(sheet: AppendixSheet): string | undefined {
  return leaves(sheet.columns).find(
    (l) => (l.role === 'text' || l.role === 'value') && isProjectCodeLabel(l.label),
  )?.id;
}

/** Projects of a list by code, codes written once only (a repeated code names no one project). */
function byCode(ps: Iterable<ProjectRef>): Map<string, ProjectRef> {
  const out = new Map<string, ProjectRef>();
  const twice = new Set<string>();
  for (const p of ps) {
    const c = p.code?.replace(/\s+/g, '').toUpperCase();
    if (!c) continue;
    if (out.has(c)) twice.add(c);
    out.set(c, p);
  }
  for (const c of twice) out.delete(c);
  return out;
}

/**
 * Pairs what is left of a and b by code where the names differ and neither name is still another
 * project's on the other side (see the module comment); pairs of one name are left to the keys.
 */
export function pairByCode(
  leftA: Map<string, ProjectRef>,
  leftB: Map<string, ProjectRef>,
  take: (m: Match) => void,
): void {
  const codesA = byCode(leftA.values());
  const codesB = byCode(leftB.values());
  if (!codesA.size || !codesB.size) return;
  const keysA = new Set([...leftA.values()].map((p) => p.key));
  const keysB = new Set([...leftB.values()].map((p) => p.key));
  for (const [c, x] of codesA) {
    const y = codesB.get(c);
    if (!y || x.key === y.key || keysB.has(x.key) || keysA.has(y.key)) continue;
    take({
      a: x,
      b: y,
      by: 'code',
      score: nameSimilarity(x.name, y.name),
      ambiguous: false,
      confidence: 0.95,
      reasons: reasonList('sameCode'),
      doubtful: false,
    });
  }
}
