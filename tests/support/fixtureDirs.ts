/** The folders of files the reading tests go through: the fixtures and, where present, the MoF corpus. */
import { existsSync } from 'node:fs';

/** Fixture folders that exist here (the shared corpus sits one or two levels up). */
export const FIXTURE_DIRS = [
  'fixtures',
  'fixtures/shapes',
  'fixtures/compare',
  'fixtures/mof',
  'fixtures/provincial',
  '../shared/corpus/mof',
  '../../shared/corpus/mof',
].filter((d) => existsSync(d));
