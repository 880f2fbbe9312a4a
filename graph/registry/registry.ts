import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { chainOf, getJurisdiction, isWithin, NATIONAL_JURISDICTION, UNKNOWN_JURISDICTION_CODE } from '../jurisdiction';
import { RegistryFileSchema, UnitSchema, type ParsedDocument, type Unit, type UnitKind } from '../model';
import { unitKey } from './normalize';

export const DEFAULT_REGISTRY_PATH = join(__dirname, '..', '..', 'seeds', 'units.json');

const RESOLVE_CACHE_LIMIT = 100_000;
const RESOLVE_CACHE_MAX_NAME = 64;

const NATIONAL = NATIONAL_JURISDICTION.code;

/** Maps every spelling of a body to its one canonical unit (see domain.md, "Units"). */
export interface UnitRegistry {
  /** The unit a name as written stands for in a plan of `jurisdiction` (a GB/T 2260 code), or undefined when no entry knows it. */
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

  const provisionalUnit = (name: string, jurisdiction: string = UNKNOWN_JURISDICTION_CODE): Unit => {
    const written = name.replace(/\s+/g, '');
    const level = getJurisdiction(jurisdiction)?.level;
    return UnitSchema.parse({
      id: `cn.${jurisdiction}.${unitKey(written)}`,
      name: written,
      shortName: written,
      aliases: [],
      kind: guessKind(unitKey(written)),
      jurisdiction,
      ...(level ? { level } : {}),
      provisional: true,
    });
  };

  const lookUp = (nameAsWritten: string, jurisdiction: string | undefined): Unit | undefined => {
    const candidates = byKey.get(unitKey(nameAsWritten));
    if (!candidates) return undefined;
    const known = jurisdiction !== undefined && jurisdiction !== UNKNOWN_JURISDICTION_CODE;
    // The document's own government first, then each one above it (Foshan, Guangdong, national).
    const chain = known ? chainOf(jurisdiction).map((j) => j.code) : [];
    const preferred = !known ? [NATIONAL] : chain.length > 0 ? chain : [jurisdiction, NATIONAL];
    for (const place of preferred) {
      const match = candidates.find((unit) => unit.jurisdiction === place);
      if (match) return match;
    }
    // A lower government named in its superior's plan: 广州市政府 in a Guangdong plan.
    if (known) return candidates.find((unit) => unit.kind === 'city' && isWithin(unit.jurisdiction, jurisdiction));
    // Without a jurisdiction any entry will do; with one, another place's 省科技厅 is not ours.
    return candidates[0];
  };
  // The clause grammar asks some twenty times per item, mostly about the same few names: memoised per
  // jurisdiction (null: not known), bounded like unitKey's cache.
  const resolved = new Map<string | undefined, Map<string, Unit | null>>();
  let resolvedCount = 0;

  return {
    resolve(nameAsWritten, jurisdiction) {
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
      const jurisdiction = parsed.document.jurisdiction?.code ?? UNKNOWN_JURISDICTION_CODE;
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
