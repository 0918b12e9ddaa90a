import { describe, expect, it } from 'vitest';
import { executionFigures } from './executionFigures';
import { SECTION_SEP, sectionKeys } from './executionSections';
import { nestedTracking } from './executionSamples';

describe('rates by section at every level', () => {
  it('keys a project’s sections from the outermost down', () => {
    expect(sectionKeys([])).toEqual(['']);
    expect(sectionKeys(['I', '1', '1.1'])).toEqual([
      'I',
      `I${SECTION_SEP}1`,
      `I${SECTION_SEP}1${SECTION_SEP}1.1`,
    ]);
  });

  it('adds up every section level in tree order, with paths and depths', () => {
    const t = nestedTracking();
    const f = executionFigures(t);
    expect(
      f.bySection.map((s) => [s.path!.join(' / '), s.level, s.planned, s.disbursed, s.projects]),
    ).toEqual([
      ['', 0, 50, 10, 1],
      ['2. Giao thông', 0, 2400, 830, 4],
      ['2. Giao thông / 3. Đường tỉnh', 1, 2000, 660, 3],
      ['2. Giao thông / 3. Đường tỉnh / 4. Chuyển tiếp', 2, 1400, 600, 2],
      ['2. Giao thông / 3. Đường tỉnh / 7. Khởi công mới', 2, 600, 60, 1],
      ['2. Giao thông / 9. Cầu', 1, 400, 170, 1],
      ['11. Y tế', 0, 2000, 1200, 1],
    ]);
    const road = f.bySection.find((s) => s.label === '3. Đường tỉnh')!;
    expect(road.rate).toBeCloseTo(660 / 2000, 12);
    expect(f.bySection.find((s) => s.label === '7. Khởi công mới')!.rate).toBeCloseTo(0.1, 12);
  });
});
