/**
 * Names a department completed or shortened: a label put before (`Dự án: `, `DA: `, `Công trình:
 * `, `CT: `, `Hạng mục: `) or a place or qualifier put after a comma or a dash (`Trạm y tế xã A` →
 * `Trạm y tế xã A, huyện B`). The shorter name is then the longer one's whole core, and the two
 * are one project when nothing else claims either: each is the other's only such partner, the
 * longer one's side has no project of the shorter name itself (`Trường THCS A` beside `Trường THCS
 * A, điểm trường B` are two), and they sit in one section or keep a figure. Such a pair is a
 * rename the user confirms (doubtful), never a silent one.
 */
import { reasonList } from './matchKeys';
import type { Scorer } from './matchScore';
import type { Match, ProjectRef } from './matchTypes';
import { nameKey } from './nameKey';

/** A label before a project's name, its colon required (`Dự án: …`, `DA: …`, `Công trình: …`). */
const LABEL =
  /^\s*(?:dự án|du an|da|công trình|cong trinh|ct|hạng mục|hang muc|tiểu dự án|tieu du an)\s*:\s*/iu;

/** Each project's cores (its name's key without the label; its heads before a `,` or ` - `). */
const CORES = new WeakMap<ProjectRef, { whole: string; heads: string[] }>();

/** A name's core key (label dropped) and the keys of its heads before each comma or dash. */
export function coresOf(p: ProjectRef): { whole: string; heads: string[] } {
  let c = CORES.get(p);
  if (c) return c;
  const text = p.text.normalize('NFC').replace(LABEL, '');
  const heads: string[] = [];
  // a comma, or a dash with a space on each side (`Nâng cấp đường ĐT.585 - đoạn Km3`), not the
  // hyphen inside a word (`Km3-Km5`) nor a bullet at the start (`- Bổ sung …`)
  const cut = /,|\s[-–]\s/g;
  for (let m = cut.exec(text); m; m = cut.exec(text)) {
    const head = nameKey(text.slice(0, m.index));
    if (head && head.split(' ').length >= 2) heads.push(head);
  }
  c = { whole: nameKey(text), heads };
  CORES.set(p, c);
  return c;
}

/** The shorter of the pair (its core is the other's head), or null when both cores are whole. */
function shorter(x: ProjectRef, y: ProjectRef): ProjectRef | null {
  const cx = coresOf(x);
  const cy = coresOf(y);
  if (cx.whole === cy.whole) return null;
  return cy.heads.includes(cx.whole) ? x : y;
}

/**
 * Pairs what is left of a and b whose names are one's core in the other (see the module comment).
 * `allA`, `allB`: every project of each side (a shorter name its longer one's side also has).
 */
export function pairByCore(
  leftA: Map<string, ProjectRef>,
  leftB: Map<string, ProjectRef>,
  allA: readonly ProjectRef[],
  allB: readonly ProjectRef[],
  scorer: Scorer,
  take: (m: Match) => void,
): void {
  if (!leftA.size || !leftB.size) return;
  const ys = [...leftB.values()];
  const xs = [...leftA.values()];
  const partners = new Map<ProjectRef, ProjectRef[]>();
  const note = (p: ProjectRef, q: ProjectRef) => {
    const list = partners.get(p);
    if (list) list.push(q);
    else partners.set(p, [q]);
  };
  // b's projects by whole core and by head: x's partners found without comparing every pair
  const byWhole = new Map<string, ProjectRef[]>();
  const byHead = new Map<string, ProjectRef[]>();
  const add = (m: Map<string, ProjectRef[]>, k: string, p: ProjectRef) => {
    const list = m.get(k);
    if (!list) m.set(k, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  for (const y of ys) {
    const c = coresOf(y);
    if (!c.whole) continue;
    add(byWhole, c.whole, y);
    for (const h of c.heads) add(byHead, h, y);
  }
  for (const x of xs) {
    const c = coresOf(x);
    if (!c.whole) continue;
    const found = new Set([
      ...(byWhole.get(c.whole) ?? []),
      ...(byHead.get(c.whole) ?? []),
      ...c.heads.flatMap((h) => byWhole.get(h) ?? []),
    ]);
    for (const y of found) {
      note(x, y);
      note(y, x);
    }
  }
  // the whole names of each side's projects (a shorter name its longer one's side has itself)
  const wholes = (all: readonly ProjectRef[]) => new Set(all.map((p) => coresOf(p).whole));
  let wholeA: Set<string> | undefined;
  let wholeB: Set<string> | undefined;
  for (const x of xs) {
    const ps = partners.get(x);
    if (ps?.length !== 1) continue;
    const y = ps[0];
    if (partners.get(y)?.length !== 1) continue;
    const s = shorter(x, y);
    if (s) {
      // the longer one's side has a project of the shorter name: the longer is another one
      const side = s === x ? (wholeB ??= wholes(allB)) : (wholeA ??= wholes(allA));
      if (side.has(coresOf(s).whole)) continue;
    }
    const section = scorer.section(x, y) === 1;
    if (!section && scorer.sharesFigure(x, y) !== true) continue;
    take({
      a: x,
      b: y,
      by: 'similar',
      score: scorer.name(x, y),
      ambiguous: false,
      confidence: 0.85,
      reasons: reasonList(
        'similarName',
        scorer.unit(x, y) === 1 ? 'sameUnit' : 'otherUnit',
        section ? 'sameSection' : 'otherSection',
        ...(scorer.amounts(x, y) === 1 ? (['sameAmounts'] as const) : []),
      ),
      doubtful: true,
    });
  }
}
