/**
 * `planbook check` answers byte for byte what it answered before the command's start-up and
 * process split were reworked (issue #20): the exit code and a hash of its stdout and stderr
 * on the MoF .xls corpus and on generated 10,000-project plans with few and with 2,001 findings,
 * as text and as JSON. The expected hashes (checkGolden.json) were taken from the bundle of main
 * before the rework; regenerate them with `PLANBOOK_GOLDEN=write` only when the output is meant
 * to change. Needs `npm run build:cli` (the bundle is what `planbook` runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';

const BIN = resolve('dist-cli/planbook.mjs');
const GOLDEN = resolve('src/cli/checkGolden.json');
const MOF = resolve('fixtures/mof');

/** A 53-bit hash of a text (cyrb53), in hex: enough to tell two outputs apart. */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** `planbook check <file> [args]` run in `cwd` (so the file's name in the output is as given). */
function check(cwd: string, file: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, [BIN, 'check', file, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return `${r.status} ${hash(r.stdout)} ${hash(r.stderr)} ${r.stdout.length} ${r.stdout.split('\n').length}`;
}

/** Every case's answer: code, hashes of stdout and stderr, stdout's length and line count. */
function answers(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(MOF).sort()) out[`mof/${f}`] = check(MOF, f);
  const dir = mkdtempSync(join(tmpdir(), 'pb-golden-'));
  for (const findings of ['few', 'many'] as const) {
    const name = `plan-10000-${findings}.xlsx`;
    writeFileSync(join(dir, name), planXlsx({ projects: 10_000, findings }));
    out[name] = check(dir, name);
    out[`${name} --json`] = check(dir, name, ['--json']);
  }
  return out;
}

describe('planbook check answers as before', () => {
  it('the same code, stdout and stderr on the MoF corpus and 10,000-project plans', () => {
    const got = answers();
    if (process.env.PLANBOOK_GOLDEN === 'write')
      writeFileSync(GOLDEN, JSON.stringify(got, null, 2) + '\n');
    const want = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(Object.keys(got).length).toBe(17 + 4);
    expect(got).toEqual(want);
  }, 240_000);
});
