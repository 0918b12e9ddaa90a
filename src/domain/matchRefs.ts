/**
 * The projects of a sheet as matching reads them (`ProjectRef`): each name's and lead unit's
 * normalised and canonical forms (read once per text), the section path, kept for the next
 * comparison while the sheet's rows are unchanged (refsMemo), and built in pieces on request.
 */
import { normaliseName } from './matchNames';
import { foldName, nameKey, tokensOf } from './nameKey';
import { intern } from './intern';
import type { ProjectRef } from './matchTypes';
import { keptListSteps, keptRefs } from './refsMemo';
import { PIECE, pauseAt, runAll, type Steps } from './steps';
import type { AppendixSheet } from './types';
import { codeColumn } from './matchCodes';

/** Normalised and canonical forms of lead units (few and repeated: read once). */
const UNITS = new Map<string, [string, string]>();

function unitOf(lead: unknown): [string, string] {
  const text = String(lead ?? '');
  let u = UNITS.get(text);
  if (!u) {
    u = [normaliseName(text), nameKey(text)];
    if (UNITS.size > 10_000) UNITS.clear();
    UNITS.set(text, u);
  }
  return u;
}

/** A project name's normalised text, canonical tokens and key. */
interface NameForms {
  /** As written, trimmed. */
  raw: string;
  /** Normalised. */
  text: string;
  tokens: string[];
  key: string;
}

/**
 * Name forms by name, for a comparison's two sides (which share most names) and the next
 * comparison (compare mode recomputes after every edit); emptied when it grows beyond two
 * 100,000-project versions' names (each name is folded once, not once per comparison).
 */
const NAMES = new Map<string, NameForms>();

function nameOf(name: unknown): NameForms {
  const raw = typeof name === 'string' ? name : String(name ?? '');
  let n = NAMES.get(raw);
  if (!n) {
    const folded = foldName(raw);
    const tokens = tokensOf(folded.words);
    n = { raw: raw.trim(), text: folded.text, tokens, key: tokens.join(' ') };
    if (NAMES.size > 300_000) NAMES.clear();
    NAMES.set(raw, n);
  }
  return n;
}

/**
 * The projects of a sheet, in order, with their section paths (kept for the next comparison
 * while the rows they are made of are unchanged: `keptRefs`).
 */
export function projectRefs(sheet: AppendixSheet): ProjectRef[] {
  return keptRefs(sheet, (s) => runAll(buildRefs(s)));
}

/**
 * The same list, frozen and kept while the sheet's rows are unchanged: matching keeps what it
 * derives from such a list (id and key maps, token counts) for the next comparison.
 */
export function keptProjectRefs(sheet: AppendixSheet): readonly ProjectRef[] {
  return runAll(keptProjectRefsSteps(sheet));
}

/** `keptProjectRefs` in pieces (a 100,000-project version's list built ahead of a comparison). */
export function keptProjectRefsSteps(sheet: AppendixSheet): Steps<readonly ProjectRef[]> {
  return keptListSteps(sheet, buildRefs);
}

function* buildRefs(sheet: AppendixSheet): Steps<ProjectRef[]> {
  const out: ProjectRef[] = [];
  const stack: { level: number; id: string; name: string; raw: string; key: string }[] = [];
  // the section context, rebuilt only when it changes (projects of a section share it)
  let path: string[] = [];
  let sections: string[] = [];
  let section = '';
  let parentId: string | null = null;
  let stale = false;
  const rows = sheet.rows;
  const sheetId = sheet.id;
  const codeCol = codeColumn(sheet);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const level = row.level;
    while (stack.length && stack[stack.length - 1].level >= level) {
      stack.pop();
      stale = true;
    }
    const kind = row.kind;
    if (kind === 'section') {
      const raw = String(row.cells.name ?? '').trim();
      stack.push({ level, id: row.id, name: normaliseName(raw), raw, key: nameKey(raw) });
      stale = true;
    }
    if (kind !== 'project') continue;
    if (stale) {
      path = stack.map((s) => s.name);
      sections = stack.map((s) => s.raw);
      section = intern(stack.map((s) => s.key).join('/'));
      parentId = stack.length ? stack[stack.length - 1].id : null;
      stale = false;
    }
    const cells = row.cells;
    const n = nameOf(cells.name);
    const [lead, unit] = unitOf(cells.lead);
    out.push({
      sheetId,
      index,
      row,
      path,
      sections,
      text: n.raw,
      name: n.text,
      lead,
      key: n.key,
      tokens: n.tokens,
      unit,
      section,
      parentId,
      ...(codeCol ? { code: String(cells[codeCol] ?? '').trim() } : {}),
    });
    // each new name folded and split: a quarter of the common piece
    if (pauseAt(index, PIECE / 4)) yield;
  }
  return out;
}
