/**
 * The form's sections (*Hạ tầng kỹ thuật*, *Ứng dụng CNTT*…) and the sections of a submission,
 * matched by name: numbering, case, diacritics and the usual abbreviations do not count, and a
 * shorter name inside a longer one (`Hạ tầng` / `Hạ tầng kỹ thuật CNTT`) is the same section.
 */
import type { FormSection } from './consolidateTypes';
import { normaliseName } from './match';
import { slug } from './sources';

const NUMBERING = /^((?:[ivxlc]+|[a-z]|\d+(?: \d+)*|phan|muc|nhom|linh vuc)\s+)+/;
const WORDS: [RegExp, string][] = [
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\battt\b/g, 'an toan thong tin'],
  [/\bhtkt\b/g, 'ha tang ky thuat'],
  [/\bnnl\b/g, 'nguon nhan luc'],
  [/\bcqdt\b/g, 'chinh quyen dien tu'],
  [/\bcds\b/g, 'chuyen doi so'],
];

/** Words every section name may carry: they tell sections apart no better than numbering. */
const GENERIC =
  /\b(cong nghe thong tin|du an|nhiem vu|linh vuc|nganh|cac|va|trong|cua|cho|ve|tinh|huyen)\b/g;

const KEYS = new Map<string, string>();

/** A section name reduced for matching (its distinctive words). */
export function sectionKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    if (KEYS.size > 50_000) KEYS.clear();
    KEYS.set(name, (key = keyOf(name)));
  }
  return key;
}

function keyOf(name: string): string {
  let k = normaliseName(name).replace(NUMBERING, '');
  for (const [re, to] of WORDS) k = k.replace(re, to);
  const distinctive = k.replace(GENERIC, ' ').replace(/\s+/g, ' ').trim();
  return distinctive || k.trim();
}

/** How well two section keys match, 0..1: 1 when equal or one inside the other, else shared words. */
function affinity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b || ` ${b} `.includes(` ${a} `) || ` ${a} `.includes(` ${b} `)) return 1;
  const wa = new Set(a.split(' '));
  const wb = b.split(' ');
  const common = wb.filter((w) => wa.has(w)).length;
  return (2 * common) / (wa.size + wb.length);
}

/** A section name matches a form section from this affinity up. */
const SAME_SECTION = 0.5;

/** The form section a section name matches best, or null. */
export function matchSection(name: string, sections: readonly FormSection[]): FormSection | null {
  const k = sectionKey(name);
  let best: FormSection | null = null;
  let score = SAME_SECTION;
  for (const s of sections) {
    const a = affinity(k, sectionKey(s.name));
    if (a > score || (a >= SAME_SECTION && !best)) {
      best = s;
      score = a;
    }
  }
  return best;
}

/** Id of a form section named `name`. */
export function sectionId(name: string): string {
  return `sec_${slug(sectionKey(name) || name) || 'x'}`;
}

/** The section without one (projects whose sections match none of the form's). */
export const OTHER_SECTION: FormSection = { id: 'sec__other', name: 'Khác' };

/** Form sections from the submissions' outermost sections, in order of first appearance. */
export function formSectionsOf(paths: readonly (readonly string[])[]): FormSection[] {
  const out: FormSection[] = [];
  const spellings = new Map<FormSection, Map<string, number>>();
  const capitals = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
  for (const path of paths) {
    const top = path[0]?.trim();
    if (!top || !sectionKey(top)) continue;
    const name =
      top.replace(/^\s*(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)\s*[.)/:-]\s*/, '').trim() || top;
    let met = matchSection(top, out);
    if (!met) out.push((met = { id: sectionId(name), name }));
    const counts = spellings.get(met) ?? new Map<string, number>();
    spellings.set(met, counts);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // the most used spelling names the section, capitals only when there is no other
  for (const s of out) {
    const ranked = [...spellings.get(s)!].sort(
      (x, y) => Number(capitals(x[0])) - Number(capitals(y[0])) || y[1] - x[1],
    );
    s.name = ranked[0][0];
    if (capitals(s.name)) s.name = s.name.charAt(0) + s.name.slice(1).toLowerCase();
  }
  return out;
}

/** The form section of a project: the first of its sections, outermost first, that matches one. */
export function sectionOf(path: readonly string[], sections: readonly FormSection[]): FormSection {
  for (const name of path) {
    const s = matchSection(name, sections);
    if (s) return s;
  }
  return OTHER_SECTION;
}
