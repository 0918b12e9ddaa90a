import { describe, expect, it } from 'vitest';
import { previewText } from './previewText';

describe('previewText', () => {
  it('shows a stored number formatted in English style in the Vietnamese style', () => {
    expect(previewText({ text: ' 782,700 ', value: 782700 })).toBe(' 782.700 ');
    expect(previewText({ text: '817,200,000', value: 817200000 })).toBe('817.200.000');
    expect(previewText({ text: '6,063,405', value: 6063404.5 })).toBe('6.063.405');
    expect(previewText({ text: '1,234.50', value: 1234.5 })).toBe('1.234,50');
    expect(previewText({ text: '(1,234)', value: -1234 })).toBe('(1.234)');
    expect(previewText({ text: '5.3%', value: 0.053 })).toBe('5,3%');
    expect(previewText({ text: '0.5', value: 0.5 })).toBe('0,5');
  });

  it('keeps texts already in Vietnamese style, texts without a value and plain figures', () => {
    expect(previewText({ text: '61.600', value: 61600 })).toBe('61.600');
    expect(previewText({ text: '1,5', value: 1.5 })).toBe('1,5');
    expect(previewText({ text: '36300', value: 36300 })).toBe('36300');
    expect(previewText({ text: '782,700' })).toBe('782,700');
    expect(previewText({ text: '1,234', value: '1,234' })).toBe('1,234');
    expect(previewText({ text: 'Tổng số', value: 3 })).toBe('Tổng số');
  });
});
