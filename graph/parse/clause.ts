import type { Assignment, Role, WarningCodeSchema } from '../model';
import { placePrefix, shortNameOf } from '../jurisdiction';
import { levelPrefix, looksLikeOrganisation, ORGANISATION_HEAD, toSimplified, type UnitRegistry } from '../registry';
import type { z } from 'zod';
import { sourceRange, type MappedText } from './mappedText';
import { repairLine } from './repair';
import { FIRST_LISTED_LEADS, ROLE_LABEL, labelRole, trailingRoleMarker } from './roles';

type WarningCode = z.infer<typeof WarningCodeSchema>;

export interface ClauseContext {
  registry: UnitRegistry;
  /** GB/T 2260 code of the document's jurisdiction (`440000`, `100000`, `440600`, …). */
  jurisdiction?: string;
  /** A first-listed-leads convention declared earlier applies to this clause. */
  firstListedLeads?: boolean;
}

/** A problem found in a clause, at a source offset (the caller turns it into line/column). */
export interface ClauseWarning {
  code: WarningCode;
  message: string;
  offset: number;
  /** What the message names, for clients that word warnings themselves. */
  params?: Record<string, string>;
}

export interface ClauseReading {
  assignments: Assignment[];
  warnings: ClauseWarning[];
  /** The clause declares 列第一位的为牵头单位; `conventionCarriesOn` when it adds 下同. */
  declaresFirstListedLeads: boolean;
  conventionCarriesOn: boolean;
  /** Some units stood with no role marker and were read as co-responsible. */
  unmarked: boolean;
  /** The clause names units the way clauses do: with a role marker, a role label, or only known units. */
  namesUnits: boolean;
}

/** A unit as written in the clause: its name after distribution, and its own characters [from, to). */
interface Written {
  name: string;
  from: number;
  to: number;
}

/** A Party committee's prefix, carried whole: 省委宣传部、组织部 → 省委组织部. */
const PARTY_PREFIX = /^(?:省委|市委|区委|县委|州委|旗委|盟委|自治区党委)/;
/** Names that stand on their own and never take a carried prefix. */
const SELF_STANDING = /^(?:国家|国务院|中国|中共|中央|全国|人民银行|各|相关|有关|其他)/;
/** A government named by an unknown place, its level and 政府: 襄樊市人民政府. */
const GOVERNMENT_OF_PLACE = /^([\u4e00-\u9fff]{2,5}?)(市|区|县|州|盟|旗)((?:人民)?政府)$/;
/** What a bare place looks like when the table does not know it: two to five characters, no organisation head. */
const BARE_PLACE = /^[\u4e00-\u9fff]{2,5}$/;
const CONNECTIVE = /^(以及|和|及|与)/;
const AGENT_PREPOSITION = /^(由|请)/;
/** A deadline sharing the clause (`2023年底前完成`, `完成时限：长期坚持`) names no unit. */
const TIME_LIMIT = /\d{4}年|\d{1,2}月|年底|年内|底前|完成时限|完成时间|时间节点|长期坚持|持续推进/;

/**
 * `/[，,；;。\n]/` on the code unit at `index`: it runs once per clause character, and indexing a
 * string (`text[i]`) would make a new string of every Chinese character.
 */
function isSeparator(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b || code === 0x3002 || code === 0x0a;
}
const ENUMERATION_COMMA = 0x3001; // 、
/** 和 及 与, by code unit: tested at every character of an element. */
const AND = new Set([0x548c, 0x53ca, 0x4e0e]);

/** Zeros for the depth of clauses without parentheses; grown as needed, never written. */
let noNesting = new Uint32Array(1024);

export function parseResponsibilityClause(inner: MappedText | string, context: ClauseContext): ClauseReading {
  return new ClauseReader(typeof inner === 'string' ? repairLine(inner, 0, inner.length) : inner, context).read();
}

/**
 * One clause being read. A class rather than closures inside parseResponsibilityClause: the
 * clause is read for every item, and its helpers then cost nothing to create.
 */
class ClauseReader {
  private readonly simplified: string;
  private readonly registry: UnitRegistry;
  private readonly jurisdiction: string | undefined;
  /** Nesting level of each character: nested parentheses (各省（区、市）人民政府) belong to the name they stand in. */
  private readonly depth: Uint32Array;
  private readonly warnings: ClauseWarning[] = [];
  private readonly assignments: Assignment[] = [];
  private conventionApplies = false;
  private markerFound = false;
  private unmarked = false;

  constructor(
    private readonly text: MappedText,
    private readonly context: ClauseContext,
  ) {
    this.simplified = text.simplified;
    this.registry = context.registry;
    this.jurisdiction = context.jurisdiction;
    const simplified = this.simplified;
    if (simplified.indexOf('（') < 0) {
      // No opening parenthesis, depth 0 throughout, as most clauses are: shared zeros rather than an array per clause.
      if (noNesting.length < simplified.length) noNesting = new Uint32Array(simplified.length);
      this.depth = noNesting;
      return;
    }
    this.depth = new Uint32Array(simplified.length);
    for (let i = 0, level = 0; i < simplified.length; i++) {
      const code = simplified.charCodeAt(i);
      if (code === 0xff09 /* ） */) level = Math.max(0, level - 1);
      this.depth[i] = level;
      if (code === 0xff08 /* （ */) level++;
    }
  }

  read(): ClauseReading {
    const { simplified, assignments } = this;
    const convention = FIRST_LISTED_LEADS.exec(simplified);
    this.conventionApplies = this.context.firstListedLeads === true || convention !== null;
    // The convention sentence is never a unit: the units stand before it, or after it.
    const spans: [number, number][] = convention
      ? [[0, convention.index], [convention.index + convention[0].length, simplified.length]]
      : [[0, simplified.length]];
    const labelled = spans.map(([from, to]) => this.readSpan(from, to)).some(Boolean);

    if (this.conventionApplies && !assignments.some((a) => a.role === 'lead')) {
      const first = assignments[0];
      // Only a co-responsible, named unit can be the first-listed lead: 落实/配合 keep their written role,
      // and a placeholder such as 各省级人民政府 names nobody who could lead.
      if (first && first.role === 'co' && !first.generic) Object.assign(first, { role: 'lead', inferred: true });
    }
    const onlyUnits = assignments.length > 0 && assignments.every((a) => this.looksLikeUnit(a.nameAsWritten));
    return {
      assignments,
      warnings: this.warnings,
      declaresFirstListedLeads: convention !== null,
      conventionCarriesOn: convention?.[1] !== undefined,
      unmarked: this.unmarked,
      namesUnits: assignments.length > 0 && (this.markerFound || labelled || onlyUnits),
    };
  }

  /** Reads [from, to) without its separators at either end: role labels, else runs. Whether it had labels. */
  private readSpan(from: number, to: number): boolean {
    const { simplified } = this;
    while (from < to && isSeparator(simplified, from)) from++;
    while (to > from && isSeparator(simplified, to - 1)) to--;
    if (from >= to) return false;
    const labels = [...simplified.slice(from, to).matchAll(ROLE_LABEL)];
    if (labels.length === 0) {
      this.readRuns(from, to);
      return false;
    }
    if (labels[0]!.index > 0) this.readRuns(from, from + labels[0]!.index);
    labels.forEach((label, index) => {
      const contentStart = from + label.index + label[0].length;
      let contentEnd = from + (labels[index + 1]?.index ?? to - from);
      while (contentEnd > contentStart && isSeparator(simplified, contentEnd - 1)) contentEnd--;
      this.readRuns(contentStart, contentEnd, labelRole(label[1]!));
    });
    return true;
  }

  private resolve(name: string) {
    return this.registry.resolve(name, this.jurisdiction);
  }

  private at(index: number) {
    return sourceRange(this.text, index, index + 1).start;
  }

  private looksLikeUnit(name: string) {
    return this.resolve(name) !== undefined || looksLikeOrganisation(toSimplified(name));
  }

  /**
   * The prefix a `、` list carries over from its first name: a Party committee (省委), a place
   * written in full (广州市, 广西壮族自治区) or a level (省, 自治区, 市, 州, 盟, 区, 县, 旗).
   */
  private carriedPrefix(simplifiedName: string): string | undefined {
    const party = PARTY_PREFIX.exec(simplifiedName)?.[0];
    if (party) return party;
    const place = placePrefix(simplifiedName, this.jurisdiction);
    if (place && !place.short && simplifiedName.length - place.length >= 2 && looksLikeOrganisation(simplifiedName.slice(place.length)))
      return simplifiedName.slice(0, place.length);
    return levelPrefix(simplifiedName);
  }

  /** Whether a name already says whose it is, and so takes no carried prefix: never 市市政务服务数据管理局. */
  private hasOwnPrefix(simplifiedName: string): boolean {
    return (
      SELF_STANDING.test(simplifiedName) ||
      PARTY_PREFIX.test(simplifiedName) ||
      levelPrefix(simplifiedName) !== undefined ||
      placePrefix(simplifiedName, this.jurisdiction) !== undefined
    );
  }

  /**
   * The place and shared head of a list's last name, when earlier names are bare places sharing
   * it: 广州、深圳、黄埔海关 (head 海关), 禅城、南海区政府 (区政府), 南宁、柳州市人民政府 (市人民政府).
   */
  private sharedHead(writtenName: string): { head: string; short: boolean; ending: string } | undefined {
    const simplifiedName = toSimplified(writtenName);
    const place = placePrefix(simplifiedName, this.jurisdiction);
    if (!place) {
      // A place the division table does not know (a renamed city, a name from another edition): 襄樊、荆州市政府.
      const government = GOVERNMENT_OF_PLACE.exec(simplifiedName);
      if (!government) return undefined;
      const at = government[1]!.length;
      return { head: writtenName.slice(at + 1), short: false, ending: writtenName.slice(at, at + 1) };
    }
    if (place.length >= simplifiedName.length || !looksLikeOrganisation(simplifiedName.slice(place.length))) return undefined;
    // The head and the place's level ending as written (海關, 區), so that names keep the document's characters.
    const ending = place.short ? '' : writtenName.slice(shortNameOf(place.place.name).length, place.length);
    return { head: writtenName.slice(place.length), short: place.short, ending };
  }

  /** 等 and 和 forms: `A、B等有关部门和单位`, `A等和各有关省级人民政府`, `A和B`. */
  private splitElement(from: number, to: number): [number, number][] {
    const { simplified, text } = this;
    const own = simplified.slice(from, to);
    const etc = own.indexOf('等');
    if (etc > 0 && this.looksLikeUnit(text.text.slice(from, from + etc))) {
      let rest = from + etc + 1;
      const connective = CONNECTIVE.exec(simplified.slice(rest, to));
      if (connective) rest += connective[0].length;
      return rest < to ? [[from, from + etc], [rest, to]] : [[from, from + etc]];
    }
    if (this.resolve(text.text.slice(from, to)) === undefined) {
      for (let k = from + 1; k < to - 1; k++) {
        if (!AND.has(simplified.charCodeAt(k))) continue;
        if (this.resolve(text.text.slice(from, k)) && this.resolve(text.text.slice(k + 1, to))) return [[from, k], [k + 1, to]];
      }
    }
    return [[from, to]];
  }

  /** Prefix and suffix distribution over one `、` list. */
  private distribute(elements: [number, number][]): Written[] {
    const written: Written[] = elements.map(([from, to]) => ({ name: this.text.text.slice(from, to).replace(/\s+/g, ''), from, to }));
    if (written.length < 2) return written;
    const prefix = this.carriedPrefix(toSimplified(written[0]!.name));
    if (prefix) {
      for (const unit of written.slice(1)) {
        const own = toSimplified(unit.name);
        const kind = this.resolve(unit.name)?.kind;
        if (this.hasOwnPrefix(own) || kind === 'city' || kind === 'generic') continue;
        const carried = written[0]!.name.slice(0, prefix.length) + unit.name; // the prefix as written: 廣東省, not 广东省
        if (this.resolve(carried) !== undefined || this.resolve(unit.name) === undefined) unit.name = carried;
      }
    }
    const last = written[written.length - 1]!;
    const shared = this.resolve(last.name)?.kind === 'generic' ? undefined : this.sharedHead(last.name);
    if (shared) {
      for (const unit of written.slice(0, -1)) {
        // Only a bare place (广州, 南宁市) takes the shared head; 广州海关 or 省财政厅 stand as they are.
        const own = toSimplified(unit.name);
        const place = placePrefix(own, this.jurisdiction);
        if (place && place.length === own.length) {
          // 南宁 before 柳州市人民政府 is 南宁市人民政府; 广州 before 黄埔海关 is 广州海关.
          const ownEnding = place.place.name.slice(shortNameOf(place.place.name).length);
          const ending = !place.short || shared.short ? '' : toSimplified(shared.ending) === ownEnding ? shared.ending : ownEnding;
          unit.name += ending + shared.head;
        } else if (!place && BARE_PLACE.test(own) && !looksLikeOrganisation(own) && this.resolve(unit.name)?.kind !== 'generic') {
          unit.name += (own.endsWith(toSimplified(shared.ending)) ? '' : shared.ending) + shared.head;
        }
      }
    }
    return written;
  }

  /** The words after a unit that are no role marker we know: `省科技厅统筹`. */
  private unknownRoleWord(unit: Written): number | undefined {
    if (this.resolve(unit.name) !== undefined) return undefined;
    const { simplified, text } = this;
    // A role word is at most 6 characters, so only the last 6 split points can qualify; looking further
    // would make an unclosed clause over long text quadratic (docs/reliability.md, parser fuzzing).
    for (let k = unit.to - 1; k > Math.max(unit.from + 1, unit.to - 7); k--) {
      const head = text.text.slice(unit.from, k);
      const tail = simplified.slice(k, unit.to);
      const known = this.resolve(head) !== undefined || this.resolve(unit.name.slice(0, unit.name.length - (unit.to - k))) !== undefined;
      const organisation = ORGANISATION_HEAD.test(toSimplified(head)) && tail.length >= 2 && tail.length <= 4;
      // 广州海关 is 广州 plus an organisation's head, not 广州 plus a role word.
      if (tail.length <= 6 && /^[\u4e00-\u9fff]+$/.test(tail) && (known || organisation) && !ORGANISATION_HEAD.test(tail))
        return k;
    }
    return undefined;
  }

  /** The units that read as organisations; a sentence or stray phrase (下同, 按季度报送进展) is reported, never made a unit. */
  private organisations(units: Written[]): Written[] {
    return units.filter((unit) => {
      if (this.resolve(unit.name) !== undefined || looksLikeOrganisation(toSimplified(unit.name))) return true;
      const message = `'${unit.name}' does not read as an organisation (no head such as 局, 厅, 委, 办, 司, 政府); it is not taken for a unit`;
      this.warnings.push({ code: 'not-an-organisation', message, offset: sourceRange(this.text, unit.from, unit.to).start, params: { name: unit.name } });
      return false;
    });
  }

  private assign(units: Written[], role: Role) {
    const { registry, jurisdiction } = this;
    for (const unit of this.organisations(units)) {
      const { start, end: unitEnd } = sourceRange(this.text, unit.from, unit.to);
      const known = this.resolve(unit.name);
      const resolved = known ?? registry.provisionalUnit(unit.name, jurisdiction);
      if (!known) this.warnings.push({ code: 'unknown-unit', message: `unit '${unit.name}' is not in the unit registry; a provisional unit stands in for it`, offset: start, params: { name: unit.name } });
      this.assignments.push({
        role,
        nameAsWritten: unit.name,
        unitId: resolved.id,
        generic: resolved.kind === 'generic',
        inferred: false,
        provisional: !known,
        start,
        end: unitEnd,
      });
    }
  }

  /** Runs of units closed by role markers; a marker covers every unit since the previous one, across commas. */
  private readRuns(from: number, to: number, defaultRole?: Role) {
    const { simplified, text, depth } = this;
    let pending: Written[] = [];
    let segmentStart = from;
    for (let i = from; i <= to; i++) {
      if (i < to && !(depth[i] === 0 && isSeparator(simplified, i))) continue;
      const segmentEnd = i;
      const segment = simplified.slice(segmentStart, segmentEnd);
      if (TIME_LIMIT.test(segment)) {
        segmentStart = i + 1;
        continue;
      }
      const marker = trailingRoleMarker(segment);
      const bodyEnd = segmentEnd - (marker?.marker.length ?? 0);
      const elements: [number, number][] = [];
      // 由省发展改革委牵头 / 请省科技厅配合: the preposition is no part of the unit.
      let elementStart = segmentStart + (AGENT_PREPOSITION.exec(segment)?.[0].length ?? 0);
      for (let k = segmentStart; k <= bodyEnd; k++) {
        if (k < bodyEnd && !(depth[k] === 0 && simplified.charCodeAt(k) === ENUMERATION_COMMA)) continue;
        if (k > elementStart) elements.push(...this.splitElement(elementStart, k));
        elementStart = k + 1;
      }
      // Not push(...): a clause of a million units would pass a million arguments and overflow the stack.
      for (const unit of this.distribute(elements)) pending.push(unit);
      const last = pending[pending.length - 1];
      const unknownAt = !marker && last ? this.unknownRoleWord(last) : undefined;
      if (marker) {
        this.markerFound = true;
        this.assign(pending, marker.role);
        pending = [];
      } else if (unknownAt !== undefined && last) {
        const word = text.text.slice(unknownAt, last.to);
        this.warnings.push({ code: 'unknown-role-word', message: `'${word}' is not a role word this parser knows; the units before it are read as co-responsible`, offset: this.at(unknownAt), params: { word } });
        last.name = last.name.slice(0, last.name.length - word.length);
        last.to = unknownAt;
        this.assign(pending, 'co');
        pending = [];
      }
      segmentStart = i + 1;
    }
    pending = pending.length > 0 && defaultRole === undefined ? this.organisations(pending) : pending;
    if (pending.length > 0) {
      if (defaultRole === undefined) this.unmarked = true;
      // Listing units without a role word is a house style where the document says the first
      // listed leads; elsewhere the reader should know the role was not written.
      if (defaultRole === undefined && !this.conventionApplies)
        this.warnings.push({
          code: 'unknown-role-word',
          message: `no role word follows ${pending.map((u) => u.name).join('、')}; read as co-responsible`,
          params: { names: pending.map((u) => u.name).join('、') },
          offset: sourceRange(text, pending[0]!.from, pending[0]!.to).start,
        });
      this.assign(pending, defaultRole ?? 'co');
    }
  }
}
