/** Commitments an item makes: deadlines (by when) and quantified targets (how much). */
export { findDeadlines, type FoundDeadline } from './deadlines';
export { findTargets, type FoundTarget } from './targets';
export { chineseNumeralValue, numeralValue } from './numerals';
