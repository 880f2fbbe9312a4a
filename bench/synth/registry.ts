/**
 * A synthetic unit registry: as many jurisdictions (synthetic provinces) as it takes to reach the
 * requested number of units, each with the provincial line-up of departments, party organs,
 * central branches and twenty cities, plus its generic placeholders (the registry resolves
 * names within the document's jurisdiction, so each has its own 相关市政府). It is written in the
 * registry file format (RegistryFileSchema) so the parser resolves names exactly as it does
 * with seeds/units.json.
 */
import { allJurisdictions } from '../../graph/jurisdiction';
import { RegistryFileSchema, type JurisdictionLevel, type RegistryFile, type Unit } from '../../graph/model';
import type { Random } from './prng';
import {
  GENERIC_UNITS,
  OWN_PREFIX_BRANCHES,
  PARTY_UNITS,
  PLACE_FIRST,
  PLACE_FIRST_OVERFLOW,
  PLACE_SECOND,
  PROVINCIAL_UNITS,
  type UnitTemplate,
} from './vocabulary';

export const CITIES_PER_JURISDICTION = 20;

/** One synthetic province and the units a document of it can name. */
export interface Jurisdiction {
  id: string;
  /** A real GB/T 2260 code the synthetic province borrows, so that sidecars and units carry codes. */
  code: string;
  level: JurisdictionLevel;
  /** 江宁 (written 江宁省 in full names). */
  name: string;
  capital: string;
  /** Written `省X` and distributable over a `、` list. */
  provincial: Unit[];
  /** Written whole: party organs and own-prefix central branches. */
  standalone: Unit[];
  cities: (Unit & { city: string })[];
  /** 相关市政府 and the like: placeholders of this jurisdiction, as the registry keys them. */
  generics: Unit[];
}

export interface SyntheticRegistry {
  file: RegistryFile;
  jurisdictions: Jurisdiction[];
}

const UNITS_PER_JURISDICTION =
  PROVINCIAL_UNITS.length + PARTY_UNITS.length + OWN_PREFIX_BRANCHES.length + CITIES_PER_JURISDICTION;

function placeNames(random: Random, count: number): string[] {
  // No synthetic place may begin like a real one (平山, 安阳): the parser reads real place names, and
  // the synthetic provinces borrow real codes.
  const real = new Set(allJurisdictions().map((j) => j.name.slice(0, 2)));
  const namesOf = (first: string[]) => first.flatMap((a) => PLACE_SECOND.map((b) => a + b)).filter((name) => !real.has(name));
  const names = random.shuffle(namesOf(PLACE_FIRST));
  if (count > names.length) names.push(...random.shuffle(namesOf(PLACE_FIRST_OVERFLOW)));
  if (count > names.length) throw new Error(`synth/registry: at most ${names.length} place names, asked for ${count}`);
  return names.slice(0, count);
}

function fill(template: string, province: string, capital: string): string {
  return template.replaceAll('{P}', province).replaceAll('{C}', capital);
}

type JurisdictionName = { id: string; code: string; level: JurisdictionLevel; name: string; capital: string };

function unitFrom(t: UnitTemplate, j: JurisdictionName, written: string, official: string): Unit {
  return {
    id: `${j.id}.${t.kind === 'party' ? 'party' : t.kind === 'central-branch' ? 'branch' : 'dept'}.${t.slug}`,
    name: official,
    shortName: written,
    aliases: t.kind === 'central-branch' && !written.startsWith('省') ? [] : [`${j.name}省${written.replace(/^省/, '')}`],
    nameEn: `${fill(t.nameEn, j.name, j.capital)}${t.nameEn.includes('{') ? '' : ` of ${j.name} Province`}`,
    kind: t.kind,
    jurisdiction: j.code,
    level: j.level,
    provisional: false,
  };
}

/**
 * Builds a registry of `unitCount` units (generic placeholders not counted). The last
 * jurisdiction is truncated so the count is exact; it keeps at least its cities and its first
 * departments because units are taken in template order.
 */
export function buildSyntheticRegistry(random: Random, unitCount: number): SyntheticRegistry {
  const jurisdictionCount = Math.max(1, Math.ceil(unitCount / UNITS_PER_JURISDICTION));
  const places = placeNames(random, jurisdictionCount * (CITIES_PER_JURISDICTION + 1));
  const jurisdictions: Jurisdiction[] = [];
  const codes = allJurisdictions().filter((g) => g.level === 'province' || g.level === 'prefecture');
  if (jurisdictionCount > codes.length) throw new Error(`synth/registry: at most ${codes.length} jurisdictions, asked for ${jurisdictionCount}`);
  let remaining = unitCount;
  for (let n = 0; n < jurisdictionCount; n++) {
    const [name, ...cityNames] = places.slice(n * (CITIES_PER_JURISDICTION + 1), (n + 1) * (CITIES_PER_JURISDICTION + 1));
    const j = { id: `p${String(n + 1).padStart(2, '0')}`, code: codes[n]!.code, level: codes[n]!.level, name: name!, capital: cityNames[0]! };
    const take = Math.min(remaining, UNITS_PER_JURISDICTION);
    remaining -= take;
    const cityCount = Math.min(CITIES_PER_JURISDICTION, Math.max(2, Math.round((take * CITIES_PER_JURISDICTION) / UNITS_PER_JURISDICTION)));
    const otherCount = take - cityCount;
    const cities = cityNames.slice(0, cityCount).map((city, i) => ({
      id: `${j.id}.city.${String(i + 1).padStart(2, '0')}`,
      name: `${city}市人民政府`,
      shortName: `${city}市政府`,
      aliases: [`${city}市`],
      nameEn: `${city} Municipal People's Government`,
      kind: 'city' as const,
      jurisdiction: j.code,
      level: j.level,
      provisional: false,
      city,
    }));
    const provincialCount = Math.min(PROVINCIAL_UNITS.length, Math.max(1, Math.round(otherCount * 0.75)));
    const provincial = PROVINCIAL_UNITS.slice(0, provincialCount).map((t) =>
      unitFrom(t, j, `省${t.short}`, `${fill(t.official, j.name, j.capital).startsWith('国家') ? '' : `${j.name}省`}${fill(t.official, j.name, j.capital)}`),
    );
    const standaloneTemplates = [...PARTY_UNITS, ...OWN_PREFIX_BRANCHES].slice(0, otherCount - provincialCount);
    const standalone = standaloneTemplates.map((t) =>
      t.kind === 'party'
        ? unitFrom(t, j, t.short, `${j.name}省${t.official}`)
        : unitFrom(t, j, fill(t.short, j.name, j.capital), fill(t.official, j.name, j.capital)),
    );
    const generics: Unit[] = GENERIC_UNITS.map((g) => ({
      id: `${j.id}.generic.${g.slug}`,
      name: g.name,
      shortName: g.name,
      aliases: [],
      nameEn: g.nameEn,
      kind: 'generic',
      jurisdiction: j.code,
      level: j.level,
      provisional: false,
    }));
    jurisdictions.push({ ...j, provincial, standalone, cities, generics });
  }
  const units = jurisdictions.flatMap((j) => [
    ...j.provincial,
    ...j.standalone,
    ...j.cities.map(({ city: _city, ...unit }) => unit),
    ...j.generics,
  ]);
  return { file: RegistryFileSchema.parse({ version: 1, units }), jurisdictions };
}
