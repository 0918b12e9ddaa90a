/**
 * A file holding only a part of the plan: a department returns its own section (its header, its
 * projects, its total), not the whole appendix. The sections of the plan the file has no trace of
 * — none of their projects paired, no project of the file under them — are outside its part, not
 * removed. Read level by level: at the first depth where the plan's projects stand in two or more
 * sections, the file covers at most half of them and at least one.
 */
import type { ProjectRef } from './matchTypes';
import { nameKey } from './nameKey';
import type { AppendixSheet } from './types';

/** The deepest section level read (a part is a section near the top). */
const MAX_DEPTH = 4;

/** A project's section path up to `depth` (its sections, `/`-separated; '' above a section). */
function prefix(p: ProjectRef, depth: number): string | null {
  if (!p.section) return depth === 0 ? '' : null;
  const parts = p.section.split('/');
  return parts.length > depth ? parts.slice(0, depth + 1).join('/') : null;
}

/** The canonical paths of a sheet's sections (as `ProjectRef.section` writes them), empty ones too. */
export function sectionPaths(sheet: AppendixSheet | undefined): Set<string> {
  const out = new Set<string>();
  const stack: { level: number; key: string }[] = [];
  for (const row of sheet?.rows ?? []) {
    if (row.kind !== 'section') continue;
    while (stack.length && stack[stack.length - 1].level >= row.level) stack.pop();
    stack.push({ level: row.level, key: nameKey(String(row.cells.name ?? '').trim()) });
    out.add(stack.map((s) => s.key).join('/'));
  }
  return out;
}

/**
 * The projects of `removed` that are outside the part `b` holds (none when `b` holds the whole).
 * @param a every project of a; `paired` those of a paired (or grouped) with one of b
 * @param bSections b's section paths (`sectionPaths`): a section b keeps, even emptied, it holds
 */
export function outsidePart(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  paired: ReadonlySet<ProjectRef>,
  removed: readonly ProjectRef[],
  bSections: ReadonlySet<string> = new Set(),
): ProjectRef[] {
  if (!removed.length || !paired.size) return [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const sections = new Set(a.map((p) => prefix(p, depth)));
    if (sections.has(null) && depth > 0) return [];
    if (sections.size < 2) continue;
    const inB = new Set(b.map((p) => prefix(p, depth)));
    const covered = new Set<string | null>();
    for (const p of a) {
      const s = prefix(p, depth);
      if (paired.has(p) || inB.has(s) || (s !== null && bSections.has(s))) covered.add(s);
    }
    if (!covered.size || covered.size * 2 > sections.size) return [];
    return removed.filter((p) => !covered.has(prefix(p, depth)));
  }
  return [];
}
