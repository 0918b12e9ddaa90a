/**
 * What a section heading placed among rows heads (`headedEnd`): the projects below it up to the
 * next heading of its level, never past a total row or the end of the enclosing section.
 */
import { describe, expect, it } from 'vitest';
import { headedEnd } from './rows';
import { makeRow } from './template';
import type { Row, RowKind } from './types';

const rows = (spec: [RowKind, number][]): Row[] => spec.map(([k, l]) => makeRow(k, l));

describe('headedEnd', () => {
  const sheet = rows([
    ['section', 0], // 0  I
    ['project', 1], // 1
    ['project', 1], // 2
    ['project', 1], // 3
    ['section', 1], // 4  1.
    ['project', 2], // 5
    ['section', 0], // 6  II
    ['project', 1], // 7
    ['total', 0], //   8
  ]);

  it('takes the projects below, up to the next heading of its level', () => {
    expect(headedEnd(sheet, 2, 1)).toBe(4);
    expect(headedEnd(sheet, 1, 1)).toBe(4);
  });

  it('takes nothing when a heading of its level or above follows at once', () => {
    expect(headedEnd(sheet, 4, 1)).toBe(4);
    expect(headedEnd(sheet, 6, 0)).toBe(6);
    expect(headedEnd(sheet, 6, 1)).toBe(6);
  });

  it('stops at a total row and at the end of the enclosing section', () => {
    expect(headedEnd(sheet, 7, 1)).toBe(8);
    expect(headedEnd(sheet, 5, 2)).toBe(6);
    expect(headedEnd(sheet, 9, 0)).toBe(9);
  });

  it('takes a top-level block of projects and sections below a deeper one', () => {
    // a heading at level 0 above section 1. and its project: both go under it, up to II
    expect(headedEnd(sheet, 4, 0)).toBe(6);
  });
});
