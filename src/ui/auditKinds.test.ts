import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../domain/auditKinds';
import { auditKindLabel } from './auditKinds';
import { translator } from './i18n';

describe('audit trail kinds', () => {
  it('words every kind the server writes, in both languages, each differently', () => {
    for (const lang of ['vi', 'en'] as const) {
      const t = translator(lang);
      const labels = AUDIT_KINDS.map((k) => auditKindLabel(k, t));
      for (const [i, l] of labels.entries()) {
        expect(l, `${lang} ${AUDIT_KINDS[i]}`).toBeTruthy();
        expect(l, `${lang} ${AUDIT_KINDS[i]}`).not.toBe(AUDIT_KINDS[i]);
        expect(l).not.toMatch(/^auditKind_/);
      }
      expect(new Set(labels).size).toBe(AUDIT_KINDS.length);
    }
    expect(auditKindLabel('submit', translator('vi'))).toBe('Gửi hồ sơ');
    expect(auditKindLabel('row+', translator('en'))).toBe('Row added');
  });

  it('shows a kind it does not know (a newer server) as written', () => {
    expect(auditKindLabel('archive', translator('vi'))).toBe('archive');
  });
});
