/**
 * Whose body a name is, read the way plans write names: relative to the issuing government
 * (市财政局 in a Foshan plan is Foshan's), with a place of its own (佛山市财政局, 广州海关), or
 * bare (公安局: the issuing government's own).
 */
import { chainOf, placePrefix, UNKNOWN_JURISDICTION_CODE, type Jurisdiction } from '../jurisdiction';
import type { UnitFunction } from '../model';
import { functionOfHead, looksLikeOrganisation } from './lexicon';

export interface ScopedName {
  /** GB/T 2260 code of the government the name points to; UNKNOWN_JURISDICTION_CODE when nobody can tell. */
  owner: string;
  /** The name without its place or level prefix: 财政局, 海关, 委宣传部. */
  head: string;
  /** How the owner was told: a place written in the name, a level prefix (市, 区), or neither. */
  by: 'place' | 'prefix' | 'bare';
  /** The function its head names in full, if any. */
  function?: UnitFunction;
}

/** Level prefixes, longest first, and which government of the chain each points to. */
const LEVEL_PREFIXES: readonly (readonly [string, (j: Jurisdiction) => boolean])[] = [
  ['自治区', (j) => j.level === 'province' && j.name.endsWith('自治区')],
  ['省', (j) => j.level === 'province' && !j.name.endsWith('市')], // 省 in a 自治区's plan still means the region
  ['市', (j) => j.level !== 'national' && j.name.endsWith('市')],
  ['州', (j) => j.level === 'prefecture' && j.name.endsWith('州')],
  ['盟', (j) => j.level === 'prefecture' && j.name.endsWith('盟')],
  ['区', (j) => (j.level === 'county' || j.level === 'prefecture') && j.name.endsWith('区') && !j.name.endsWith('自治区')],
  ['县', (j) => j.level === 'county' && j.name.endsWith('县')],
  ['旗', (j) => j.level === 'county' && j.name.endsWith('旗')],
  ['街道', (j) => j.level === 'township' && j.name.endsWith('街道')],
  ['镇', (j) => j.level === 'township' && j.name.endsWith('镇')],
  ['乡', (j) => j.level === 'township' && j.name.endsWith('乡')],
];

/** Words that merely begin with a level character: 市场监管局, 市政公用局? (see levelPrefix), 省级, 区域. */
const NOT_A_PREFIX = /^(?:市场|市政(?!务)|市级|市内|市直|市县|省级|省内|省直|省市|区级|区域|区县|县级|县域|县区|州级|旗县)/;

/**
 * The level prefix a name begins with (省, 市, 自治区 …), when it is one: 市政务服务数据管理局 is
 * 市 + 政务服务数据管理局 and 市市场监管局 is 市 + 市场监管局, but 市场监管局 has none.
 */
export function levelPrefix(simplifiedName: string): string | undefined {
  const found = LEVEL_PREFIXES.find(([prefix]) => simplifiedName.startsWith(prefix))?.[0];
  if (!found || simplifiedName.length <= found.length + 1) return undefined;
  const rest = simplifiedName.slice(found.length);
  if (functionOfHead(rest)) return found;
  if (functionOfHead(simplifiedName) || NOT_A_PREFIX.test(simplifiedName)) return undefined;
  return found;
}

/** Reads the owner of a (simplified, whitespace-free) name in a plan of `context`. */
export function scopeName(simplifiedName: string, context: string | undefined): ScopedName {
  const known = context !== undefined && context !== UNKNOWN_JURISDICTION_CODE;
  const chain = known ? chainOf(context) : [];
  const withFunction = (scoped: Omit<ScopedName, 'function'>): ScopedName => {
    const unitFunction = functionOfHead(scoped.head);
    return unitFunction ? { ...scoped, function: unitFunction } : scoped;
  };

  // 佛山市南海区财政局: places nest, each read inside the one before.
  let owner: Jurisdiction | undefined;
  let rest = simplifiedName;
  for (let place = placePrefix(rest, context); place; place = placePrefix(rest, owner?.code)) {
    const head = rest.slice(place.length);
    // A place on its own (广州市 in a list of cities) names its government.
    if (head.length === 0 && place.length === simplifiedName.length) return { owner: place.place.code, head, by: 'place', function: 'government' };
    // A short name (广州, 中山) counts as a place only before a head the lexicon knows: 广州海关, not 中山大学.
    const accepted = head.length > 0 && (place.short ? functionOfHead(head) !== undefined || placePrefix(head, place.place.code) !== undefined : looksLikeOrganisation(head) || placePrefix(head, place.place.code) !== undefined);
    if (!accepted) break;
    owner = place.place;
    rest = head;
  }
  if (owner) return withFunction({ owner: owner.code, head: rest, by: 'place' });

  const prefix = levelPrefix(simplifiedName);
  if (prefix) {
    const matches = LEVEL_PREFIXES.find(([p]) => p === prefix)![1];
    const government = chain.find(matches);
    if (government) return withFunction({ owner: government.code, head: simplifiedName.slice(prefix.length), by: 'prefix' });
    // 区财政局 in a city plan, 市财政局 in a plan of unknown place: the prefix says a level, not a government.
    return withFunction({ owner: known ? context : UNKNOWN_JURISDICTION_CODE, head: simplifiedName, by: 'prefix' });
  }
  return withFunction({ owner: known ? context : UNKNOWN_JURISDICTION_CODE, head: simplifiedName, by: 'bare' });
}
