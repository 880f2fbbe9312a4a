/**
 * The documents the store contract runs on, parsed by the real parser with the real registry:
 * the seed, the second (smaller) document, and the hand-made document without sections.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedDocument, Role, Unit } from '../../graph/model';
import { readDocumentFile } from '../../graph/parse';
import { loadRegistry, type UnitRegistry } from '../../graph/registry';
import { HANDMADE, HANDMADE_SOURCE, HANDMADE_UNITS } from './handmade';

const ROOT = join(__dirname, '..', '..');
export const SEED_PATH = join(ROOT, 'seeds', 'documents', 'guangdong-digital-economy-2023.txt');
export const SECOND_PATH = join(ROOT, 'tests', 'fixtures', 'documents', 'guangdong-data-elements-2024.txt');

export interface Fixture {
  /** The decoded source text the offsets index into. */
  source: string;
  parsed: ParsedDocument;
  units: Unit[];
}

function fromFile(path: string, registry: UnitRegistry): Fixture {
  const parsed = readDocumentFile(path, registry);
  return { source: readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), parsed, units: registry.unitsFor(parsed) };
}

export interface Fixtures {
  registry: UnitRegistry;
  seed: Fixture;
  second: Fixture;
  handmade: Fixture;
}

export function loadFixtures(): Fixtures {
  const registry = loadRegistry();
  return {
    registry,
    seed: fromFile(SEED_PATH, registry),
    second: fromFile(SECOND_PATH, registry),
    handmade: { source: HANDMADE_SOURCE, parsed: HANDMADE, units: HANDMADE_UNITS },
  };
}

// ---- Expectations computed from the parser's output, never from a store ----------------------

export const assignmentsOf = (parsed: ParsedDocument) =>
  parsed.items.flatMap((item) => item.assignments.map((assignment) => ({ item, ...assignment })));

export function countByRole(parsed: ParsedDocument): Record<Role, number> {
  const counts: Record<Role, number> = { lead: 0, co: 0, support: 0, implement: 0, guide: 0 };
  for (const { role } of assignmentsOf(parsed)) counts[role] += 1;
  return counts;
}

export const unitIdsOf = (...documents: ParsedDocument[]): Set<string> =>
  new Set(documents.flatMap((parsed) => assignmentsOf(parsed).map((assignment) => assignment.unitId)));

/** A new version of a document: different bytes (sha256), optionally other items. */
export function newVersion(parsed: ParsedDocument, change: (copy: ParsedDocument) => void): ParsedDocument {
  const copy = structuredClone(parsed);
  copy.document.sha256 = createHash('sha256').update(`next version of ${parsed.document.sha256}`).digest('hex');
  change(copy);
  return copy;
}

/**
 * A large plain document for batch tests: `count` items in one section, each led by one of a
 * few units, so it spans several UNWIND batches.
 */
export function syntheticDocument(id: string, count: number): Fixture {
  const lines = Array.from({ length: count }, (_, index) => `（${index + 1}）任务${index + 1}。（单位${index % 7}牵头）`);
  const source = ['一、任务', ...lines].join('\n');
  const units: Unit[] = Array.from({ length: 7 }, (_, index) => ({
    id: `${id}.unit-${index}`,
    name: `单位${index}`,
    shortName: `单位${index}`,
    aliases: [],
    nameEn: `Unit ${index}`,
    kind: 'department',
    jurisdiction: '440000',
    level: 'province',
    provisional: false,
  }));
  let cursor = 0;
  const items = lines.map((line, index) => {
    const start = source.indexOf(line, cursor);
    cursor = start + line.length;
    const name = `单位${index % 7}`;
    const nameStart = source.indexOf(name, start + line.indexOf('（单位'));
    return {
      id: `${id}/item-${index + 1}`,
      no: index + 1,
      label: `（${index + 1}）`,
      section: 1,
      title: `任务${index + 1}。`,
      text: line,
      start,
      end: start + line.length,
      clause: null,
      assignments: [
        { role: 'lead' as const, name, unitId: `${id}.unit-${index % 7}`, generic: false, inferred: false, provisional: false, start: nameStart, end: nameStart + name.length },
      ],
    };
  });
  const parsed: ParsedDocument = {
    document: {
      id,
      title: `${id} 工作要点`,
      firstListedLeads: false,
      sha256: createHash('sha256').update(source).digest('hex'),
      source: 'synthetic',
    },
    sections: [{ id: `${id}/section-1`, no: 1, label: '一、', title: '任务' }],
    items,
    warnings: [],
  };
  return { source, parsed, units };
}
