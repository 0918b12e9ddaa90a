import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesBalance, surelyNoBalance } from './balanceRows';
import { prng } from './generate';

describe('surelyNoBalance (a label told at its first letter)', () => {
  it('never rules out a label the fold reads as a balance', () => {
    const rnd = prng(65);
    const parts = [
      'Bội chi',
      'bội thu',
      'THẶNG DƯ',
      'Chênh lệch thu chi',
      'Vay bù đắp bội chi',
      'Dự án',
      'Tổng thu',
      'chi thường xuyên',
      'b',
      'C',
      'ṭ',
      'Ḃội chi',
      ' ',
      '1.',
      '2)',
      '-',
      '–',
      ':',
      '\u00a0',
      '\u0301',
      '\t',
      'x',
      'Ố',
      '9',
      '(',
      'II',
      'đ',
      'vay',
      'tt',
    ];
    const names = [...parts];
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = 1 + Math.floor(rnd() * 4);
      for (let j = 0; j < n; j++)
        s += parts[Math.floor(rnd() * parts.length)] + (rnd() < 0.5 ? ' ' : '');
      names.push(s);
    }
    // and every label of the audited corpus's text fixture
    for (const line of readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv', 'utf8').split(
      '\n',
    ))
      names.push(...line.split('\t'));
    let ruledOut = 0;
    for (const name of names) {
      if (!surelyNoBalance(name)) continue;
      ruledOut++;
      expect(namesBalance(name), name).toBe(false);
    }
    expect(ruledOut).toBeGreaterThan(1000);
    expect(surelyNoBalance('Dự án số 1')).toBe(true);
    expect(surelyNoBalance('1. Bội chi NSĐP')).toBe(false);
  });
});
