/**
 * The seed document as the analytics see it: parsed with the real parser and registry, loaded
 * into the embedded store, read back as a Snapshot (the same path the CLI and server take).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { MemoryStore } from '../../graph/store';
import { type Snapshot } from '../../graph/model';

export const SEED_ID = 'guangdong-digital-economy-2023';
export const SEED_PATH = join(__dirname, '..', '..', 'seeds', 'documents', `${SEED_ID}.txt`);
/** The decoded source text the offsets point into (UTF-8, no BOM). */
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8').replace(/^\uFEFF/, '');

/** A State Council plan naming ministries (tests/fixtures/plans/scope), to load beside the seed. */
export const STATE_COUNCIL_PLAN = join(__dirname, '..', 'fixtures', 'plans', 'scope', 'state-council-digital-government-2024.txt');

/** The seed, and any other documents given, as the analytics see them together. */
export async function seedSnapshot(others: string[] = []): Promise<Snapshot> {
  const registry = loadRegistry();
  const store = new MemoryStore();
  await store.init();
  try {
    for (const path of [SEED_PATH, ...others]) {
      const parsed = readDocumentFile(path, registry);
      await store.loadDocument(parsed, registry.unitsFor(parsed));
    }
    return await store.snapshot();
  } finally {
    await store.close();
  }
}

/** Chinese item numbers as the seed writes them, for stating expectations by label. */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function itemLabel(no: number): string {
  const tens = Math.floor(no / 10);
  const units = no % 10;
  const text = `${tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens - 1]}十`}${units === 0 ? '' : NUMERALS[units - 1]}`;
  return `（${text}）`;
}
