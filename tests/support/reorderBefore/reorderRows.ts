/**
 * FROZEN (2026-12-01, before the common ends of the two orders were passed over): the row
 * operations taking a data sheet from one row order to the next, the oracle of
 * src/app/reorderRows.test.ts (the same operations, in the same order). It is the frozen
 * `reorderRows` of tests/support/restructureBefore/writes.ts, which predates that change too.
 */
export { reorderRows as reorderRowsBefore } from '../restructureBefore/writes';
