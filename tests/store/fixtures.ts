/**
 * The documents the store contract runs on, parsed by the real parser with the real registry:
 * the seed, the second (smaller) document, and the hand-made document without sections.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainOfPlace, REGIONS } from '../../graph/places';
import type { ParsedDocument, Role, Unit } from '../../graph/model';
import { parseDocument, readDocumentFile } from '../../graph/parse';
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

/** Plans of two cities and the State Council, written for the scope tests (tests/fixtures/plans/scope). */
export const SCOPE_PLANS_DIR = join(ROOT, 'tests', 'fixtures', 'plans', 'scope');
export const SCOPE_PLANS = {
  foshan: { file: 'foshan-digital-government-2024.txt', jurisdiction: '440600', year: 2024 },
  shenzhen: { file: 'shenzhen-digital-government-2024.txt', jurisdiction: '440300', year: 2024 },
  stateCouncil: { file: 'state-council-digital-government-2024.txt', jurisdiction: '100000', year: 2024 },
} as const;
export type ScopePlan = keyof typeof SCOPE_PLANS;

/**
 * The scope plans, parsed with the real parser and registry. Their jurisdiction and year are given
 * (as a sidecar gives them), so the store tests do not depend on what the header detection finds.
 */
export function loadScopePlans(registry: UnitRegistry): Record<ScopePlan, Fixture> {
  const entries = Object.entries(SCOPE_PLANS).map(([name, plan]) => {
    const path = join(SCOPE_PLANS_DIR, plan.file);
    const source = readFileSync(path, 'utf8');
    const parsed = parseDocument(source, { source: plan.file, registry, sidecar: { jurisdiction: plan.jurisdiction, year: plan.year } });
    return [name, { source, parsed, units: registry.unitsFor(parsed) }] as const;
  });
  return Object.fromEntries(entries) as Record<ScopePlan, Fixture>;
}

/** Plans of a city, a ministry and a county rich in deadlines and targets (tests/fixtures/plans/commitments), with their sidecars. */
export const COMMITMENT_PLANS_DIR = join(ROOT, 'tests', 'fixtures', 'plans', 'commitments');
export const COMMITMENT_PLANS = ['guangzhou-business-environment-2024', 'miit-5g-applications-2024', 'wengyuan-rural-revitalisation-2024'] as const;

export function loadCommitmentPlans(registry: UnitRegistry): Fixture[] {
  return COMMITMENT_PLANS.map((id) => {
    const source = readFileSync(join(COMMITMENT_PLANS_DIR, `${id}.txt`), 'utf8');
    const sidecar = JSON.parse(readFileSync(join(COMMITMENT_PLANS_DIR, `${id}.meta.json`), 'utf8'));
    const parsed = parseDocument(source, { source: `${id}.txt`, registry, sidecar });
    return { source, parsed, units: registry.unitsFor(parsed) };
  });
}

export interface Fixtures {
  registry: UnitRegistry;
  seed: Fixture;
  second: Fixture;
  handmade: Fixture;
  plans: Record<ScopePlan, Fixture>;
}

export function loadFixtures(): Fixtures {
  const registry = loadRegistry();
  return {
    registry,
    seed: fromFile(SEED_PATH, registry),
    second: fromFile(SECOND_PATH, registry),
    handmade: { source: HANDMADE_SOURCE, parsed: HANDMADE, units: HANDMADE_UNITS },
    plans: loadScopePlans(registry),
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

/**
 * The jurisdiction part of the graph these documents make, from the division table: a node for
 * every jurisdiction a document or a referenced unit is OF, and for each place above it up to
 * national; one OF per document and unit of a known jurisdiction; one WITHIN per node but national.
 */
export function jurisdictionFigures(...fixtures: Fixture[]) {
  const unitIds = unitIdsOf(...fixtures.map(({ parsed }) => parsed));
  const units = new Map(fixtures.flatMap(({ units }) => units.filter((unit) => unitIds.has(unit.id)).map((unit) => [unit.id, unit] as const)));
  const ofCodes = [
    ...fixtures.flatMap(({ parsed }) => parsed.document.jurisdiction?.code ?? []),
    ...[...units.values()].map((unit) => unit.jurisdiction),
  ];
  // Places the bodies name are :Place nodes; governments among them sit in the jurisdiction chains, regions INCLUDE their members.
  const mentions = fixtures.flatMap(({ parsed }) => parsed.items.flatMap((item) => item.places));
  const placeCodes = new Set(mentions.map((place) => place.code));
  const regions = REGIONS.filter((region) => placeCodes.has(region.code));
  const chained = [...ofCodes, ...[...placeCodes].filter((code) => !code.startsWith('R-')), ...regions.flatMap((region) => region.members)];
  const nodes = new Set(chained.flatMap((code) => chainOfPlace(code).map((jurisdiction) => jurisdiction.code)));
  return {
    nodes: nodes.size,
    OF: ofCodes.filter((code) => nodes.has(code)).length,
    WITHIN: [...nodes].filter((code) => code !== '100000').length,
    places: placeCodes.size,
    regions: regions.length,
    CONCERNS: mentions.length,
    INCLUDES: regions.reduce((sum, region) => sum + region.members.length, 0),
  };
}

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
      places: [],
      deadlines: [],
      targets: [],
      assignments: [
        { role: 'lead' as const, nameAsWritten: name, unitId: `${id}.unit-${index % 7}`, generic: false, inferred: false, provisional: false, start: nameStart, end: nameStart + name.length },
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
