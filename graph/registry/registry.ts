import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { RegistryFileSchema, UnitSchema, type ParsedDocument, type Unit, type UnitKind } from '../model';
import { unitKey } from './normalize';

export const DEFAULT_REGISTRY_PATH = join(__dirname, '..', '..', 'seeds', 'units.json');

/** Jurisdiction used for provisional units when a document does not say whose it is. */
export const UNKNOWN_JURISDICTION = 'unknown';

/**
 * Longer text names no body (the longest name in seeds/units.json has 41 characters): it resolves to
 * nothing at once, without normalising text that may be a whole runaway clause, megabytes long.
 */
const LONGEST_NAME = 256;
const RESOLVE_CACHE_LIMIT = 100_000;
const RESOLVE_CACHE_MAX_NAME = 64;

/** Resolution prefers the document's own jurisdiction, then the central government's. */
const NATIONAL = 'national';

/** Maps every spelling of a body to its one canonical unit (see domain.md, "Units"). */
export interface UnitRegistry {
  /** The unit a name as written stands for, or undefined when no entry knows it. */
  resolve(nameAsWritten: string, jurisdiction?: string): Unit | undefined;
  get(id: string): Unit | undefined;
  all(): Unit[];
  /** The unit that replaced a renamed or merged body (never followed automatically). */
  successorOf(id: string): Unit | undefined;
  /** A stand-in for a name no entry knows: deterministic, so reparsing gives the same id. */
  provisionalUnit(name: string, jurisdiction?: string): Unit;
  /** Every unit a parsed document's assignments reference, registry or provisional. */
  unitsFor(parsed: ParsedDocument): Unit[];
}

/** A guess at the kind of an unknown body from the way its name ends or begins. */
function guessKind(name: string): UnitKind {
  if (/^(各|相关|有关|其他)/.test(name)) return 'generic';
  if (/[市区县](人民)?政府$/.test(name)) return 'city';
  if (/^(省委|市委|区委|县委|中共|中央)/.test(name)) return 'party';
  return 'department';
}

export function createRegistry(units: readonly Unit[]): UnitRegistry {
  const byId = new Map<string, Unit>();
  const byKey = new Map<string, Unit[]>();
  for (const [index, unit] of units.entries()) {
    if (byId.has(unit.id)) throw new InvalidInputError(`units[${index}].id`, `duplicate unit id '${unit.id}'`);
    byId.set(unit.id, unit);
    const keys = new Set([unit.id, unit.name, unit.shortName, ...unit.aliases].map(unitKey));
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), unit]);
  }

  const provisionalUnit = (name: string, jurisdiction: string = UNKNOWN_JURISDICTION): Unit => {
    const written = name.replace(/\s+/g, '');
    return UnitSchema.parse({
      id: `provisional.${jurisdiction}.${written}`,
      name: written,
      shortName: written,
      aliases: [],
      nameEn: `${written} (not in the unit registry)`,
      kind: guessKind(unitKey(written)),
      jurisdiction,
      provisional: true,
    });
  };

  const lookUp = (nameAsWritten: string, jurisdiction: string | undefined): Unit | undefined => {
    const candidates = byKey.get(unitKey(nameAsWritten));
    if (!candidates) return undefined;
    const preferred = jurisdiction === undefined ? [NATIONAL] : [jurisdiction, NATIONAL];
    for (const place of preferred) {
      const match = candidates.find((unit) => unit.jurisdiction === place);
      if (match) return match;
    }
    // Without a jurisdiction any entry will do; with one, another place's 省科技厅 is not ours.
    return jurisdiction === undefined ? candidates[0] : undefined;
  };
  // The clause grammar asks some twenty times per item, mostly about the same few names: memoised per
  // jurisdiction (null: not known), bounded like unitKey's cache.
  const resolved = new Map<string | undefined, Map<string, Unit | null>>();
  let resolvedCount = 0;

  return {
    resolve(nameAsWritten, jurisdiction) {
      if (nameAsWritten.length > LONGEST_NAME) return undefined;
      if (nameAsWritten.length > RESOLVE_CACHE_MAX_NAME) return lookUp(nameAsWritten, jurisdiction);
      let names = resolved.get(jurisdiction);
      if (names === undefined) resolved.set(jurisdiction, (names = new Map()));
      const known = names.get(nameAsWritten);
      if (known !== undefined) return known ?? undefined;
      const unit = lookUp(nameAsWritten, jurisdiction);
      if (resolvedCount >= RESOLVE_CACHE_LIMIT) {
        for (const map of resolved.values()) map.clear();
        resolvedCount = 0;
      }
      names.set(nameAsWritten, unit ?? null);
      resolvedCount++;
      return unit;
    },
    get: (id) => byId.get(id),
    all: () => [...byId.values()],
    successorOf(id) {
      const successorId = byId.get(id)?.successorId;
      return successorId === undefined ? undefined : byId.get(successorId);
    },
    provisionalUnit,
    unitsFor(parsed) {
      const jurisdiction = parsed.document.jurisdiction ?? UNKNOWN_JURISDICTION;
      const found = new Map<string, Unit>();
      for (const { unitId, name } of parsed.items.flatMap((item) => item.assignments)) {
        if (found.has(unitId)) continue;
        const unit = byId.get(unitId) ?? provisionalUnit(name, jurisdiction);
        if (unit.id !== unitId) throw new InvalidInputError('assignments.unitId', `'${unitId}' is neither a registry unit nor the provisional unit of '${name}'`);
        found.set(unitId, unit);
      }
      return [...found.values()];
    },
  };
}

/** Turns the first zod issue into a message naming the entry and field, e.g. `units[12].kind`. */
function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  const field = issue.path.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)),
    '',
  );
  return { field: field || '<root>', message: issue.message };
}

/** Reads and validates a registry file (default `seeds/units.json`). */
export function loadRegistry(path: string = DEFAULT_REGISTRY_PATH): UnitRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InvalidInputError(path, `cannot read the unit registry: ${(error as Error).message}`);
  }
  const result = RegistryFileSchema.safeParse(raw);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw new InvalidInputError(`${path}: ${field}`, message);
  }
  return createRegistry(result.data.units);
}
