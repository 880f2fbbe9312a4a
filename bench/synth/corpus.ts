/**
 * The synthetic corpus: a registry, then documents until the requested number of items, each
 * with its sidecar and its ground truth. Deterministic: the same options give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { UnitPicker } from './clauses';
import { generateDocument, type GeneratedDocument } from './document';
import { generateLocalDocument, localPlaces } from './local';
import { createRandom, zipfSampler } from './prng';
import { buildSyntheticRegistry, type SyntheticRegistry } from './registry';

export interface CorpusOptions {
  seed: number;
  /** Size of the unit pool (generic placeholders not counted). */
  units: number;
  /** Generate documents until at least this many clause-carrying items exist. */
  items: number;
}

const LOCAL_EVERY = 5;
const LOCAL_PLACES = 60;

export const DEFAULT_CORPUS_OPTIONS: CorpusOptions = { seed: 20230401, units: 3000, items: 250_000 };

export interface CorpusSummary extends CorpusOptions {
  documents: number;
  itemsGenerated: number;
  assignments: number;
  bytes: number;
}

/** The registry and a lazy stream of documents (nothing is held in memory but the current one). */
export function createCorpus(options: CorpusOptions): { registry: SyntheticRegistry; documents: () => Generator<GeneratedDocument> } {
  const random = createRandom(options.seed);
  const registry = buildSyntheticRegistry(random.fork(), options.units);
  const pickerRandom = random.fork();
  const pickers = registry.jurisdictions.map((j) => new UnitPicker(j, pickerRandom));
  // Some provinces publish far more plans than others.
  const sampleJurisdiction = zipfSampler(registry.jurisdictions.length, 0.6);
  // Cities, districts and counties of real provinces the registry borrows no code from, one per level ending at least.
  const places = localPlaces(random.fork(), LOCAL_PLACES, new Set(registry.jurisdictions.map((j) => j.code)));
  const documentSeed = random.fork();
  const generatePlan = (docRandom: typeof random, sequence: number) => {
    const index = sampleJurisdiction(docRandom);
    return generateDocument({ random: docRandom.fork(), jurisdiction: registry.jurisdictions[index]!, picker: pickers[index]!, sequence });
  };
  function* documents(): Generator<GeneratedDocument> {
    const docRandom = createRandom(Math.floor(documentSeed.next() * 4294967296));
    let items = 0;
    for (let sequence = 1; items < options.items; sequence++) {
      // Every fifth plan is a local government's.
      const document =
        sequence % LOCAL_EVERY === 0
          ? generateLocalDocument({ random: docRandom.fork(), place: places[(sequence / LOCAL_EVERY) % places.length]!, sequence })
          : generatePlan(docRandom, sequence);
      items += document.truth.items.length;
      yield document;
    }
  }
  return { registry, documents };
}

export function encodeDocument(document: GeneratedDocument): Buffer {
  switch (document.truth.style.encoding) {
    case 'gb18030':
      return iconv.encode(document.text, 'gb18030');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(document.text, 'utf8')]);
    case 'utf8':
      return Buffer.from(document.text, 'utf8');
  }
}

/** Corpus layout under `outDir`. */
export const corpusPaths = (outDir: string) => ({
  registry: join(outDir, 'units.json'),
  documents: join(outDir, 'documents'),
  truth: join(outDir, 'truth'),
  manifest: join(outDir, 'manifest.json'),
});

export function writeCorpus(outDir: string, options: CorpusOptions, onProgress?: (summary: CorpusSummary) => void): CorpusSummary {
  const paths = corpusPaths(outDir);
  mkdirSync(paths.documents, { recursive: true });
  mkdirSync(paths.truth, { recursive: true });
  const { registry, documents } = createCorpus(options);
  writeFileSync(paths.registry, `${JSON.stringify(registry.file, null, 1)}\n`);
  const summary: CorpusSummary = { ...options, documents: 0, itemsGenerated: 0, assignments: 0, bytes: 0 };
  for (const document of documents()) {
    const bytes = encodeDocument(document);
    writeFileSync(join(paths.documents, `${document.id}.txt`), bytes);
    writeFileSync(join(paths.documents, `${document.id}.meta.json`), `${JSON.stringify(document.sidecar)}\n`);
    writeFileSync(join(paths.truth, `${document.id}.json`), `${JSON.stringify(document.truth)}\n`);
    summary.documents++;
    summary.itemsGenerated += document.truth.items.length;
    summary.assignments += document.truth.items.reduce((n, item) => n + item.assignments.length, 0);
    summary.bytes += bytes.length;
    if (onProgress && summary.documents % 500 === 0) onProgress(summary);
  }
  writeFileSync(paths.manifest, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
