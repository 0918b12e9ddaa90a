import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../domain/refusals';
import { translator } from './i18n';
import { en, vi } from './strings';

describe('refusal messages', () => {
  it('words every refusal code in both languages', () => {
    for (const code of REFUSAL_CODES) {
      const key = `r_${code}` as const;
      expect(vi[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
      for (const lang of ['vi', 'en'] as const)
        expect(translator(lang)(key, { detail: 'x' })).not.toBe(key);
    }
  });
});
