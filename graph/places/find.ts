/**
 * Places an item's body names: governments of the division table (full names at every level,
 * short names of provinces and prefectures everywhere, short county names inside the plan's own
 * province), zones (lists.ts, as the district they lie in) and named regions.
 *
 * The traps, each decided per pattern (docs/places.md):
 * - a place inside an organisation or project name in running text (广州华星t9, 广州实验室,
 *   国家超级计算深圳中心) IS a mention: the organisation sits there and the work with it;
 * - a place inside “quotes” or 《titles》 is NOT: those name campaigns, brands and documents
 *   (“广州方案”, 《深圳经济特区数据条例》), not where work happens;
 * - the plan's own jurisdiction and those above it (广东强芯, 广东省… in a Guangdong plan) are
 *   NOT mentions: they are the plan's setting, not a place within it;
 * - 市 followed by 场 or 民 starts a word (市场, 市民): 广州市场 is 广州 + 市场;
 * - names that are everyday words (lists.ts COMMON_WORDS: 光明, 城区) and names that only begin
 *   with a place (中山大学) are no mention; longer full names (光明区) still are;
 * - two-character county names (范县, the tail of 示范县) count only inside the plan's province.
 * Ambiguous short names prefer places inside the plan's province; a name still ambiguous after
 * that is left out rather than guessed.
 */
import { CodeUnitSet } from '../codeUnitSet';
import { allJurisdictions, chainOf, isWithin, shortNameOf } from '../jurisdiction';
import type { PlaceLevel } from '../model';
import { COMMON_WORDS, EXTRA_PROVINCES, NOT_PLACES, REGIONS, ZONES } from './lists';

interface Entry {
  code: string;
  name: string;
  level: PlaceLevel;
  kind: 'full' | 'short' | 'zone' | 'region';
}

/** A place found in a text, with offsets into that text. */
export interface FoundPlace {
  code: string;
  name: string;
  level: PlaceLevel;
  mention: string;
  zone?: string;
  start: number;
  end: number;
}

export interface PlaceContext {
  /** GB/T 2260 code of the plan's jurisdiction, when known. */
  jurisdiction?: string;
}

/** A name of the index and every place it can mean. */
interface Named {
  name: string;
  entries: Entry[];
}

/** The names and NOT_PLACES that may begin at a position, found by the hash of its first two code units. */
interface Candidates {
  /** Names of the index, longest first. */
  names: Named[];
  /** NOT_PLACES names, in the list's order. */
  notPlaces: string[];
}

interface PlaceIndex {
  /**
   * The names by the hash of their first two code units (pairHash): each is compared with the text where it stands
   * (startsWith), with no slice to make and hash per possible length. A bucket may hold names of other pairs whose
   * hash collides: startsWith rules them out, and the names that can match keep their order, longest first.
   */
  candidatesByPair: Array<Candidates | undefined>;
  /**
   * One bit per hashed pair of code units that begins some name: most positions start no name, and one read of these
   * 16 KB, which stay in the cache, answers that for nearly all of them before the bucket is read.
   */
  pairBits: Uint32Array;
}

/** 16 KB of bits for the few thousand pairs that begin a name: a few per cent of them set. */
const PAIR_HASH_BITS = 17;

/** Fibonacci hashing of a pair of code units into PAIR_HASH_BITS bits. */
function pairHash(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> (32 - PAIR_HASH_BITS);
}

let index: PlaceIndex | undefined;

function placeIndex(): PlaceIndex {
  if (index) return index;
  const names = new Map<string, Entry[]>();
  const add = (key: string, entry: Entry) => {
    if (key.length < 2) return;
    names.set(key, [...(names.get(key) ?? []), entry]);
  };
  for (const { code, name, level } of allJurisdictions()) {
    if (level === 'national' || level === 'township') continue;
    if (!COMMON_WORDS.has(name)) add(name, { code, name, level, kind: 'full' });
    const short = shortNameOf(name);
    if (short !== name && !COMMON_WORDS.has(short)) add(short, { code, name, level, kind: 'short' });
  }
  for (const { code, name, shortName } of EXTRA_PROVINCES) {
    add(name, { code, name, level: 'province', kind: 'full' });
    add(shortName, { code, name, level: 'province', kind: 'short' });
  }
  const byCode = new Map(allJurisdictions().map((j) => [j.code, j]));
  for (const zone of ZONES) {
    const district = byCode.get(zone.code);
    if (district && district.level !== 'national' && district.level !== 'township')
      add(zone.name, { code: zone.code, name: district.name, level: district.level, kind: 'zone' });
  }
  for (const region of REGIONS)
    for (const key of [region.name, ...region.aliases]) add(key, { code: region.code, name: region.name, level: 'region', kind: 'region' });
  const candidatesByPair = new Array<Candidates | undefined>(1 << PAIR_HASH_BITS);
  const pairBits = new Uint32Array(1 << (PAIR_HASH_BITS - 5));
  const bucket = (key: string) => {
    const hash = pairHash(key.charCodeAt(0), key.charCodeAt(1));
    pairBits[hash >>> 5]! |= 1 << (hash & 31);
    return (candidatesByPair[hash] ??= { names: [], notPlaces: [] });
  };
  for (const [name, entries] of names) bucket(name).names.push({ name, entries });
  for (const name of NOT_PLACES) bucket(name).notPlaces.push(name);
  for (const candidates of candidatesByPair) candidates?.names.sort((a, b) => b.name.length - a.name.length);
  index = { candidatesByPair, pairBits };
  return index;
}

const LEVEL_ORDER: PlaceLevel[] = ['region', 'province', 'prefecture', 'county'];

/**
 * The one place `entries` can mean for a plan of `province`; `ambiguous` when several remain, and
 * undefined when none is readable here (short county names of other provinces: 港南 in 广州港南沙).
 */
function resolve(entries: Entry[], province: string | undefined): Entry | 'ambiguous' | undefined {
  // Short county names (番禺, 龙岗) and two-character full ones (范县, in 示范县) are read only inside
  // the plan's own province: elsewhere they are too often words or word tails.
  const outside = (e: Entry) => !(province && isWithin(e.code, province));
  let usable = entries.filter((e) => !(e.level === 'county' && (e.kind === 'short' || e.name.length === 2) && outside(e)));
  if (province) {
    const inside = usable.filter((e) => e.level === 'region' || isWithin(e.code, province));
    if (inside.length > 0) usable = inside;
  }
  const codes = new Set(usable.map((e) => e.code));
  if (codes.size === 0) return undefined;
  if (codes.size === 1) return usable.find((e) => e.kind === 'zone') ?? usable[0];
  const top = Math.min(...usable.map((e) => LEVEL_ORDER.indexOf(e.level)));
  const atTop = new Set(usable.filter((e) => LEVEL_ORDER.indexOf(e.level) === top).map((e) => e.code));
  return atTop.size === 1 ? usable.find((e) => LEVEL_ORDER.indexOf(e.level) === top) : 'ambiguous';
}

const QUOTES = [['“', '”'], ['《', '》'], ['「', '」'], ['"', '"']] as const;
const OPENING_MARKS = new CodeUnitSet(QUOTES.map(([open]) => open));
/** Closing mark of each opening one, by code unit. */
const CLOSING_OF = new Map(QUOTES.map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]));

/**
 * Whether a reader going through a text from left to right stands inside “quotes” or 《titles》 (quotes do not nest
 * here): fed every code unit in turn within the reader's own pass, rather than marking the text in a pass of its own.
 */
export class QuoteTracker {
  /** The closing mark awaited, 0 outside quotes. */
  private closing = 0;

  /** Whether the next code unit stands inside quotes (a mark itself does not); then moves past it. */
  inside(code: number): boolean {
    if (this.closing !== 0) {
      if (code !== this.closing) return true;
      this.closing = 0;
    } else if (OPENING_MARKS.has(code)) this.closing = CLOSING_OF.get(code)!;
    return false;
  }

  /** Moves past text[from, to): what a reader read whole (a name, a number). */
  skip(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.inside(text.charCodeAt(i));
  }
}

/** 市 that starts a word: 市场, 市民. */
const WORD_AFTER_CITY = new Set(['场', '民']);

/** The NOT_PLACES name standing at `i` and ending by `end`, if any (a loop, not find(): this runs wherever a place name could begin). */
function notPlaceAt(notPlaces: readonly string[], text: string, i: number, end: number): string | undefined {
  for (const name of notPlaces) if (i + name.length <= end && text.startsWith(name, i)) return name;
  return undefined;
}

interface PlanSetting {
  province: string | undefined;
  /** The plan's own jurisdiction and those above it: its setting, never a mention. */
  setting: ReadonlySet<string>;
  /** resolve(entries, province) by entries: the same names recur in every item of a plan (shared per province). */
  resolved: Map<Entry[], Entry | 'ambiguous' | undefined>;
}

/** Per province (a few dozen), the readings of the names met: bounded by the name table. */
const resolvedByProvince = new Map<string | undefined, Map<Entry[], Entry | 'ambiguous' | undefined>>();

function resolvedIn(province: string | undefined): Map<Entry[], Entry | 'ambiguous' | undefined> {
  let resolved = resolvedByProvince.get(province);
  if (!resolved) resolvedByProvince.set(province, (resolved = new Map()));
  return resolved;
}

/** Per jurisdiction code, built once: findPlaces runs for every item of a plan. */
const settings = new Map<string | undefined, PlanSetting>();

function planSetting(jurisdiction: string | undefined): PlanSetting {
  let found = settings.get(jurisdiction);
  if (!found) {
    const chain = jurisdiction ? chainOf(jurisdiction) : [];
    const province = chain.find((j) => j.level === 'province')?.code;
    found = { province, setting: new Set(chain.map((j) => j.code)), resolved: resolvedIn(province) };
    // Bounded by the division table (chainOf is empty for any other code, and such codes are not kept).
    if (chain.length > 0 || jurisdiction === undefined) settings.set(jurisdiction, found);
  }
  return found;
}

/**
 * Every place `text` names, left to right, longest name first at each position. Linear in the text. `masked`: a
 * range of the text read as if blank (an item's clause, where a city government is a responsibility, not a place).
 */
export function findPlaces(text: string, context: PlaceContext = {}, masked?: { from: number; to: number }): FoundPlace[] {
  const { province, setting, resolved } = planSetting(context.jurisdiction);
  const reader = { quotes: new QuoteTracker(), found: [] as FoundPlace[], province, setting, resolved };
  if (masked) {
    // Blank text starts no name and leaves quotes as they are, so reading around it is reading through it.
    readPlaces(text, 0, masked.from, reader);
    readPlaces(text, masked.to, text.length, reader);
  } else readPlaces(text, 0, text.length, reader);
  return reader.found;
}

interface PlaceReader extends PlanSetting {
  quotes: QuoteTracker;
  found: FoundPlace[];
}

/** The places named in text[from, end), none reaching past `end`, into `reader.found`. */
function readPlaces(text: string, from: number, end: number, { quotes, found, province, setting, resolved }: PlaceReader): void {
  const { candidatesByPair, pairBits } = placeIndex();
  for (let i = from; i < end; ) {
    const code = text.charCodeAt(i);
    // Past the end, charCodeAt gives NaN, which hashes as 0; a pair that passes is still checked name by name.
    const hash = pairHash(code, text.charCodeAt(i + 1));
    if (quotes.inside(code) || (pairBits[hash >>> 5]! & (1 << (hash & 31))) === 0) {
      i++;
      continue;
    }
    const { names, notPlaces } = candidatesByPair[hash]!;
    const notPlace = notPlaces.length > 0 ? notPlaceAt(notPlaces, text, i, end) : undefined;
    if (notPlace) {
      quotes.skip(text, i + 1, i + notPlace.length);
      i += notPlace.length;
      continue;
    }
    // The longest name standing here; when it stays ambiguous (朝阳区 of Beijing or of Changchun in a
    // national plan) it is passed over whole, not read as a shorter name inside it (朝阳市).
    let matched: { entry: Entry | 'ambiguous'; length: number } | undefined;
    for (const { name: key, entries } of names) {
      const length = key.length;
      if (i + length > end || !text.startsWith(key, i)) continue;
      if (key.endsWith('市') && i + length < end && WORD_AFTER_CITY.has(text[i + length]!)) continue;
      let entry = resolved.get(entries);
      if (entry === undefined && !resolved.has(entries)) resolved.set(entries, (entry = resolve(entries, province)));
      if (entry) {
        matched = { entry, length };
        break;
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    const { entry, length } = matched;
    if (entry !== 'ambiguous' && !setting.has(entry.code)) {
      const mention = text.slice(i, i + length);
      // Property by property, in FoundPlace's key order: a conditional spread costs V8 a runtime copy.
      const place = { code: entry.code, name: entry.name, level: entry.level, mention } as FoundPlace;
      if (entry.kind === 'zone') place.zone = mention;
      place.start = i;
      place.end = i + length;
      found.push(place);
    }
    quotes.skip(text, i + 1, i + length);
    i += length;
  }
}
