/** Comparisons in the app: each side evaluated by its own engine, with the adjustment table. */
export { type ComparisonResult, compareWithTable as compareWorkbooks } from '../domain/adjustment';
export { evaluatedSide as sideOf } from '../engine/sides';
