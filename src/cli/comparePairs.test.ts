/**
 * Pairs of files written by other hands (scripts/make-compare-pairs.py: openpyxl, LibreOffice, the
 * seed's text edited line by line; fixtures/compare/cases.json) yield exactly the scripted changes
 * through `planbook compare --json`: added, removed, renamed, moved, split, merged, changed cells,
 * and nothing else to confirm.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompareJson } from './compareCmd';
import { runCli } from './main';

interface Expect {
  added: string[];
  removed: string[];
  renamed: [string, string, boolean][];
  /** Names spelled otherwise only (case, diacritics); absent in a case: none. */
  respelled?: [string, string][];
  moved: [string, string, string][];
  split: [string[], string[]][];
  merged: [string[], string[]][];
  changes: [string, number | null, string | null, string | null, unknown, unknown][];
  toConfirm: [string, string[], string[]][];
}

const DIR = 'fixtures/compare';
const cases = JSON.parse(readFileSync(`${DIR}/cases.json`, 'utf8')) as {
  name: string;
  a: string;
  b: string;
  expect: Expect;
}[];

/** What the command reported, in the cases' terms. */
export function reported(j: CompareJson): Expect {
  const confirmRenamed = new Set(
    j.toConfirm.filter((x) => x.kind === 'pair').map((x) => `${x.a[0]}|${x.b[0]}`),
  );
  return {
    added: j.added.map((p) => p.label),
    removed: j.removed.map((p) => p.label),
    renamed: j.renamed.map((r) => [
      r.before.label,
      r.after.label,
      confirmRenamed.has(`${r.before.label}|${r.after.label}`),
    ]),
    respelled: j.respelled.map((r) => [r.before.label, r.after.label]),
    moved: j.moved.map((m) => [m.label, m.from, m.to]),
    split: j.split.map((g) => [[g.from.label], g.into.map((p) => p.label)]),
    merged: j.merged.map((g) => [g.from.map((p) => p.label), [g.into.label]]),
    changes: j.changes.map((c) => [
      c.label,
      c.year,
      c.source,
      c.year === null ? (c.column.split(' / ').pop() ?? '') : null,
      c.before,
      c.after,
    ]),
    toConfirm: j.toConfirm.map((x) => [x.kind, x.a, x.b]),
  };
}

const sorted = (e: Expect): Expect => {
  const by = <T>(xs: T[]) =>
    [...xs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  return {
    added: by(e.added),
    removed: by(e.removed),
    renamed: by(e.renamed),
    respelled: by(e.respelled ?? []),
    moved: by(e.moved),
    split: by(e.split),
    merged: by(e.merged),
    changes: by(e.changes),
    toConfirm: by(e.toConfirm),
  };
};

describe('planbook compare on pairs written independently', () => {
  for (const c of cases)
    it(`${c.name}: ${c.a} → ${c.b}`, async () => {
      const r = await runCli(['compare', `${DIR}/${c.a}`, `${DIR}/${c.b}`, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as CompareJson;
      expect(sorted(reported(j))).toEqual(sorted(c.expect));
    });
});
