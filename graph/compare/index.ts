/** Plans over time (issue 17): match two plans' items, classify the changes, follow tasks across years. */
export * from './types';
export { comparePlans, matchItems } from './compare';
export { buildLineages, orderByYear } from './lineage';
export { canonicalUnitId, planFromParsed, planFromStore } from './plan';
export { isContinued, responsibilityChanges } from './classification';
export { normaliseText, tfidfVectors, cosine } from './similarity';
export { totalLoad } from './load';
export { unitNames } from './load';
export { comparePairsCsv, compareUnitsCsv, compareProvenance, PAIR_COLUMNS, UNIT_COLUMNS, type CompareProvenance } from './csv';
