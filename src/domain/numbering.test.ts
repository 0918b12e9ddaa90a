import { describe, expect, it } from 'vitest';
import { detectScheme, renumber } from './numbering';
import type { Row } from './types';

const row = (kind: Row['kind'], level: number, tt: string, extra: Partial<Row> = {}): Row => ({
  id: `${kind}${level}${tt}${Math.random()}`,
  kind,
  level,
  cells: { tt, name: 'x' },
  ...extra,
});
const tts = (rows: Row[]) => rows.map((r) => r.cells.tt).join(' ');

describe('numbering that follows the tree', () => {
  it('reads the plan’s own scheme and renumbers after an insert, a move, a delete', () => {
    const rows = [
      row('section', 0, 'A'),
      row('section', 1, '1'),
      row('project', 2, '+'),
      row('project', 2, '+'),
      row('section', 1, '2'),
      row('project', 2, '+'),
      row('section', 0, 'B'),
      row('total', 0, ''),
    ];
    const scheme = detectScheme(rows);
    expect(scheme.sections.slice(0, 2)).toEqual(['letter', 'arabic']);
    expect(scheme.projects[1]).toBe('plus');
    // a new section inserted between 1 and 2 gets 2, and 2 becomes 3; B keeps its letter
    const inserted = [...rows.slice(0, 4), row('section', 1, ''), ...rows.slice(4)];
    expect(tts(renumber(inserted, scheme))).toBe('A 1 + + 2 3 + B ');
    // deleted: numbering closes the gap
    expect(tts(renumber([...rows.slice(0, 1), ...rows.slice(4)], scheme))).toBe('A 1 + B ');
  });

  it('numbers the usual scheme I / 1 / 1.1 / a and keeps unchanged rows the same objects', () => {
    const rows = [
      row('section', 0, ''),
      row('section', 1, ''),
      row('section', 2, ''),
      row('project', 3, ''),
      row('section', 2, ''),
      row('section', 0, ''),
      row('project', 1, ''),
    ];
    const out = renumber(rows, detectScheme(rows));
    expect(tts(out)).toBe('I 1 1.1 + 1.2 II -');
    expect(renumber(out, detectScheme(out))[0]).toBe(out[0]);
  });

  it('keeps a number typed by hand unless asked to renumber all', () => {
    const rows = [
      row('section', 0, 'I'),
      row('section', 0, 'IV', { manualNumber: true }),
      row('section', 0, ''),
    ];
    const scheme = detectScheme(rows);
    expect(tts(renumber(rows, scheme))).toBe('I IV III');
    expect(tts(renumber(rows, scheme, true))).toBe('I II III');
  });
});

describe('the plan’s punctuation', () => {
  it('keeps `1.` and `a)` as written and gives new rows their siblings’ punctuation', () => {
    const rows = [
      row('section', 0, 'I.'),
      row('section', 1, '1.'),
      row('project', 2, 'a)'),
      row('project', 2, ''),
      row('section', 1, ''),
      row('section', 0, 'II.'),
    ];
    const scheme = detectScheme(rows);
    expect(scheme.projects[1]).toBe('lower');
    const out = renumber(rows, scheme);
    expect(tts(out)).toBe('I. 1. a) b) 2. II.');
    expect(out[0]).toBe(rows[0]);
    expect(out[2]).toBe(rows[2]);
  });
});

describe('sections and projects side by side', () => {
  it('counts subsections apart from the bulleted projects between them', () => {
    const rows = [
      row('section', 0, 'I'),
      row('section', 1, '1'),
      row('project', 2, '-'),
      row('project', 1, '-'),
      row('section', 1, ''),
      row('project', 2, '-'),
    ];
    expect(tts(renumber(rows, detectScheme(rows)))).toBe('I 1 - - 2 -');
  });
});

describe('sections numbered in lower-case roman numerals', () => {
  it('reads `i.`, `ii.` as such (the point `i.` after `h.` a letter) and renumbers in kind', () => {
    const points = ['a.', 'b.', 'c.', 'd.', 'e.', 'f.', 'g.', 'h.', 'i.'].map((l) =>
      row('project', 1, l),
    );
    const rows = [row('section', 0, 'i.'), ...points, row('section', 0, 'ii.')];
    const scheme = detectScheme(rows);
    expect(scheme.sections[0]).toBe('lowerRoman');
    expect(scheme.projects[0]).toBe('lower');
    // a section inserted before the second: iii. after it, in lower case with the dot
    const out = renumber([...rows.slice(0, 10), row('section', 0, ''), rows[10]], scheme);
    expect(tts(out)).toBe('i. a. b. c. d. e. f. g. h. i. ii. iii.');
  });
});
