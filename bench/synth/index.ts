export { createCorpus, writeCorpus, encodeDocument, corpusPaths, DEFAULT_CORPUS_OPTIONS } from './corpus';
export type { CorpusOptions, CorpusSummary } from './corpus';
export type { GeneratedDocument, DocumentTruth, ExpectedItem } from './document';
export type { ExpectedAssignment } from './clauses';
export type { SyntheticRegistry, Jurisdiction } from './registry';
export { createRandom, zipfSampler, type Random } from './prng';
export { generatePlanSequence, writePlanSequence, DEFAULT_SEQUENCE_OPTIONS } from './sequence';
export type { SequenceOptions, SequenceTruth, SequenceStep, TruthPair, TaskEdit, GeneratedSequence } from './sequence';
