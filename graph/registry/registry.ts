import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, invalidInputFromZod } from '../errors';
import { chainOf, getJurisdiction, NATIONAL_JURISDICTION, UNKNOWN_JURISDICTION_CODE, type Jurisdiction } from '../jurisdiction';
import { RegistryFileSchema, UnitSchema, type ParsedDocument, type Unit, type UnitFunction, type UnitKind } from '../model';
import { NameMemo } from '../memo';
import { englishHead, PLACEHOLDER } from './lexicon';
import { unitKey } from './normalize';
import { scopeName } from './scope';

export const DEFAULT_REGISTRY_PATH = join(__dirname, '..', '..', 'seeds', 'units.json');

/**
 * Longer text names no body (the longest name in seeds/units.json has 41 characters): it resolves to
 * nothing at once, without normalising text that may be a whole runaway clause, megabytes long.
 */
const LONGEST_NAME = 256;

const NATIONAL = NATIONAL_JURISDICTION.code;

/**
 * Maps every spelling of a body to its one canonical unit: 省工业和信息化厅, 工业和信息化厅 (after 省 was
 * distributed over a list), 省工信厅 and 广东省工业和信息化厅 are one unit, with its id, full, short and English
 * names, aliases and kind. A name no entry knows becomes a provisional unit, never a dropped one.
 */
export interface UnitRegistry {
  /** The unit a name as written stands for in a plan of `jurisdiction` (a GB/T 2260 code), or undefined when no entry knows it. */
  resolve(nameAsWritten: string, jurisdiction?: string): Unit | undefined;
  get(id: string): Unit | undefined;
  all(): Unit[];
  /** The unit that replaced a renamed or merged body: resolve never follows it; comparisons across years do (compare/plan.ts). */
  successorOf(id: string): Unit | undefined;
  /** A stand-in for a name no entry knows: deterministic, so reparsing gives the same id. */
  provisionalUnit(name: string, jurisdiction?: string): Unit;
  /** Every unit a parsed document's assignments reference, registry or provisional. */
  unitsFor(parsed: ParsedDocument): Unit[];
}

/** Functions whose bodies are branches of central agencies or Party organs rather than government departments. */
const CENTRAL_FUNCTIONS = new Set<UnitFunction>([
  'tax', 'customs', 'central-bank', 'financial-regulation', 'securities-regulation', 'communications', 'postal', 'meteorology', 'survey',
]);
const PARTY_FUNCTIONS = new Set<UnitFunction>(['publicity', 'organization', 'cyberspace', 'united-front', 'political-legal', 'establishment', 'rural-work']);

/** A guess at the kind of an unknown body from the way its name ends or begins, and its function. */
function guessKind(name: string, unitFunction: UnitFunction | undefined): UnitKind {
  if (PLACEHOLDER.test(name)) return 'generic';
  if (unitFunction === 'government' || /[市区县镇乡旗](人民)?政府$|街道办事处$/.test(name)) return 'city';
  if ((unitFunction && PARTY_FUNCTIONS.has(unitFunction)) || /^(省委|市委|区委|县委|中共|中央)/.test(name)) return 'party';
  if (unitFunction && CENTRAL_FUNCTIONS.has(unitFunction)) return 'central-branch';
  return 'department';
}

/** `Municipal` for 佛山市, `District` for 武侯区: the word English names put after the place. */
function levelWord(jurisdiction: Jurisdiction): string | undefined {
  if (jurisdiction.level === 'province') return jurisdiction.name.endsWith('市') ? 'Municipal' : jurisdiction.name.endsWith('自治区') ? 'Autonomous Region' : 'Provincial';
  if (jurisdiction.name.endsWith('市')) return 'Municipal';
  if (jurisdiction.name.endsWith('区')) return 'District';
  if (jurisdiction.name.endsWith('县')) return 'County';
  return undefined;
}

/**
 * English place names the registry itself states (`Foshan Municipal People's Government`,
 * `… of Guangdong Province`): the only ones provisional English names are built from, so that
 * no English name is ever guessed.
 */
function englishPlaces(units: readonly Unit[]): Map<string, string> {
  const places = new Map<string, string>();
  for (const unit of units) {
    const city = unit.kind === 'city' ? /^(\S+) Municipal People's Government$/.exec(unit.nameEn ?? '') : null;
    const province = unit.level === 'province' ? / of (\S+) Province$/.exec(unit.nameEn ?? '') : null;
    const place = city?.[1] ?? province?.[1];
    if (place && !places.has(unit.jurisdiction)) places.set(unit.jurisdiction, place);
  }
  return places;
}

export function createRegistry(units: readonly Unit[]): UnitRegistry {
  const byId = new Map<string, Unit>();
  const byKey = new Map<string, Unit[]>();
  /** `<jurisdiction>|<function>` → the registry units of that government serving it. */
  const byFunction = new Map<string, Unit[]>();
  for (const [index, unit] of units.entries()) {
    if (byId.has(unit.id)) throw new InvalidInputError(`units[${index}].id`, `duplicate unit id '${unit.id}'`);
    byId.set(unit.id, unit);
    const keys = new Set([unit.id, unit.name, unit.shortName, ...unit.aliases].map(unitKey));
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), unit]);
    if (unit.function && !unit.successorId) {
      const key = `${unit.jurisdiction}|${unit.function}`;
      byFunction.set(key, [...(byFunction.get(key) ?? []), unit]);
    }
  }
  const placesEn = englishPlaces(units);

  // A clause may name the same unknown body thousands of times: its stand-in is built once.
  const provisionals = new NameMemo((name: string, jurisdiction: string | undefined) => buildProvisional(name, jurisdiction ?? UNKNOWN_JURISDICTION_CODE));
  const provisionalUnit = (name: string, jurisdiction: string = UNKNOWN_JURISDICTION_CODE): Unit => provisionals.get(name, jurisdiction);
  function buildProvisional(name: string, jurisdiction: string): Unit {
    const written = name.replace(/\s+/g, '');
    const key = unitKey(written);
    const scoped = scopeName(key, jurisdiction);
    const owner = getJurisdiction(scoped.owner);
    const placeEn = placesEn.get(scoped.owner);
    const headEn = scoped.function && englishHead(scoped.function);
    const word = owner && levelWord(owner);
    return UnitSchema.parse({
      // Readable and stable: the owner's code, then its function (cn.440600.finance) or its name without the prefix.
      id: `cn.${scoped.owner}.${scoped.function ?? scoped.head}`,
      name: written,
      shortName: written,
      aliases: [],
      ...(placeEn && headEn && word ? { nameEn: `${placeEn} ${word} ${headEn}` } : {}),
      kind: guessKind(key, scoped.function),
      jurisdiction: scoped.owner,
      ...(owner ? { level: owner.level } : {}),
      ...(scoped.function ? { function: scoped.function } : {}),
      provisional: true,
    });
  }

  const lookUp = (nameAsWritten: string, jurisdiction: string | undefined): Unit | undefined => {
    const key = unitKey(nameAsWritten);
    const candidates = byKey.get(key) ?? [];
    if (jurisdiction === undefined || jurisdiction === UNKNOWN_JURISDICTION_CODE) {
      // Nobody knows whose plan it is: a national body, else any entry of that name.
      return candidates.find((unit) => unit.jurisdiction === NATIONAL) ?? candidates[0];
    }
    const own = candidates.find((unit) => unit.jurisdiction === jurisdiction);
    if (own) return own;
    const scoped = scopeName(key, jurisdiction);
    if (scoped.by !== 'bare') {
      // 省科技厅 in a Foshan plan, 广州市政府 in a Guangdong plan: the government the name points to.
      const pointed = candidates.find((unit) => unit.jurisdiction === scoped.owner);
      if (pointed) return pointed;
    } else if (!scoped.function) {
      // A bare name no local government uses (财政部, 人民银行广州分行): the nearest government above that has it.
      // A bare local head (国资委, 工业和信息化厅) is the issuing government's own, never a superior's.
      for (const government of chainOf(jurisdiction)) {
        const match = candidates.find((unit) => unit.jurisdiction === government.code);
        if (match) return match;
      }
    }
    // 市政府 in a Foshan plan is the registry's 佛山市人民政府; 省财政局 is 省财政厅. Only for names that say
    // whose they are: a bare 工业和信息化局 in a provincial plan is no spelling of the 工业和信息化厅.
    const serving = scoped.function && scoped.by !== 'bare' ? byFunction.get(`${scoped.owner}|${scoped.function}`) : undefined;
    return serving?.length === 1 ? serving[0] : undefined;
  };
  // The clause grammar asks some twenty times per item, mostly about the same few names: memoised per jurisdiction.
  const resolved = new NameMemo(lookUp);

  return {
    resolve(nameAsWritten, jurisdiction) {
      return nameAsWritten.length > LONGEST_NAME ? undefined : resolved.get(nameAsWritten, jurisdiction);
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
      for (const { unitId, nameAsWritten } of parsed.items.flatMap((item) => item.assignments)) {
        if (found.has(unitId)) continue;
        const unit = byId.get(unitId) ?? provisionalUnit(nameAsWritten, jurisdiction);
        if (unit.id !== unitId) throw new InvalidInputError('assignments.unitId', `'${unitId}' is neither a registry unit nor the provisional unit of '${nameAsWritten}'`);
        found.set(unitId, unit);
      }
      return [...found.values()];
    },
  };
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
  // Names the entry and field, e.g. `seeds/units.json: units[12].kind`.
  if (!result.success) throw invalidInputFromZod(result.error, { file: path });
  return createRegistry(result.data.units);
}
