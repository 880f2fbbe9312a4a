import type { Assignment, Role, WarningCodeSchema } from '../model';
import { toSimplified, type UnitRegistry } from '../registry';
import type { z } from 'zod';
import { sourceRange, type MappedText } from './mappedText';
import { repairLine } from './repair';
import { FIRST_LISTED_LEADS, ROLE_LABEL, labelRole, trailingRoleMarker } from './roles';

type WarningCode = z.infer<typeof WarningCodeSchema>;

export interface ClauseContext {
  registry: UnitRegistry;
  /** Registry jurisdiction of the document (`guangdong`, `national`, …). */
  jurisdiction?: string;
  /** A first-listed-leads convention declared earlier applies to this clause. */
  firstListedLeads?: boolean;
}

/** A problem found in a clause, at a source offset (the caller turns it into line/column). */
export interface ClauseWarning {
  code: WarningCode;
  message: string;
  offset: number;
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

/** Endings of organisation names, used to tell `(省科技厅)` from `(LIMS)` or `(试行)`. */
const ORGANISATION_ENDING = /(厅|局|委|办|部|署|会|府|室|处|中心|集团|公司|街道|镇|团|联|所|站|院|银行|分行|支行|总社|合作社)$/;
/** A prefix that a `、` list carries over: 省发展改革委、科技厅 → 省科技厅. */
const RELATIVE_PREFIX = /^(省委|市委|区委|县委|省|市|区|县)/;
/** Words that merely start with 省/市/区/县 (市场监管总局, 省级人民政府) carry no prefix. */
const NOT_A_PREFIX = /^(市场|市政|市级|省级|区级|县级|区域|县域|省内|市内|省直|市直)/;
/** Names that stand on their own and never take a carried prefix. */
const SELF_STANDING = /^(省|市|区|县|广东|国家|国务院|中国|中共|中央|全国|人民银行|各|相关|有关|其他)/;
/** A government named by place and suffix, whose suffix a `、` list shares: 广州、深圳、韶关市政府. */
const PLACE_GOVERNMENT = /^(.+?)(市|区|县)((?:人民)?政府)$/;
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
    this.simplified = toSimplified(text.text);
    this.registry = context.registry;
    this.jurisdiction = context.jurisdiction;
    const simplified = this.simplified;
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
    let end = convention ? convention.index : simplified.length;
    while (end > 0 && isSeparator(simplified, end - 1)) end--;

    const labels = [...simplified.slice(0, end).matchAll(ROLE_LABEL)];
    if (labels.length > 0) {
      if (labels[0]!.index > 0) this.readRuns(0, labels[0]!.index);
      labels.forEach((label, index) => {
        const contentStart = label.index + label[0].length;
        let contentEnd = labels[index + 1]?.index ?? end;
        while (contentEnd > contentStart && isSeparator(simplified, contentEnd - 1)) contentEnd--;
        this.readRuns(contentStart, contentEnd, labelRole(label[1]!));
      });
    } else {
      this.readRuns(0, end);
    }

    if (this.conventionApplies && !assignments.some((a) => a.role === 'lead')) {
      const first = assignments[0];
      // Only a co-responsible, named unit can be the first-listed lead: 落实/配合 keep their written role,
      // and a placeholder such as 各省级人民政府 names nobody who could lead.
      if (first && first.role === 'co' && !first.generic) Object.assign(first, { role: 'lead', inferred: true });
    }
    const onlyUnits = assignments.length > 0 && assignments.every((a) => this.looksLikeUnit(a.name));
    return {
      assignments,
      warnings: this.warnings,
      declaresFirstListedLeads: convention !== null,
      conventionCarriesOn: convention?.[1] !== undefined,
      unmarked: this.unmarked,
      namesUnits: assignments.length > 0 && (this.markerFound || labels.length > 0 || onlyUnits),
    };
  }

  private resolve(name: string) {
    return this.registry.resolve(name, this.jurisdiction);
  }

  private at(index: number) {
    return sourceRange(this.text, index, index + 1).start;
  }

  private looksLikeUnit(name: string) {
    return this.resolve(name) !== undefined || (name.length >= 2 && ORGANISATION_ENDING.test(toSimplified(name)));
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
    const first = written[0];
    const firstName = first ? toSimplified(first.name) : '';
    const prefix = NOT_A_PREFIX.test(firstName) ? undefined : RELATIVE_PREFIX.exec(firstName)?.[0];
    if (prefix && firstName.length > prefix.length + 1) {
      for (const unit of written.slice(1)) {
        const kind = this.resolve(unit.name)?.kind;
        const own = toSimplified(unit.name);
        // 市场监管局 only looks like it has a prefix of its own (市); 省 still carries over to it.
        if ((SELF_STANDING.test(own) && !NOT_A_PREFIX.test(own)) || kind === 'city' || kind === 'generic') continue;
        const carried = prefix + unit.name;
        if (this.resolve(carried) !== undefined || this.resolve(unit.name) === undefined) unit.name = carried;
      }
    }
    const last = written[written.length - 1];
    const government = last && this.resolve(last.name)?.kind !== 'generic' ? PLACE_GOVERNMENT.exec(toSimplified(last.name)) : null;
    if (government) {
      for (const unit of written.slice(0, -1)) {
        // A bare place (广州) or a city written without its government (广州市) takes the shared suffix.
        const bare = !this.looksLikeUnit(unit.name) && /^[\u4e00-\u9fff]{2,5}$/.test(unit.name);
        const cityOnly = this.resolve(unit.name)?.kind === 'city' && !unit.name.endsWith('政府');
        if (!bare && !cityOnly) continue;
        unit.name += unit.name.endsWith(government[2]!) ? government[3] : government[2]! + government[3]!;
      }
    }
    return written;
  }

  /** The words after a unit that are no role marker we know: `省科技厅统筹`. */
  private unknownRoleWord(unit: Written): number | undefined {
    if (this.resolve(unit.name) !== undefined) return undefined;
    const { simplified, text } = this;
    // A role word is at most 6 characters, so only the last 6 split points can qualify; looking further
    // made an unclosed clause over long text quadratic (found by the fuzzer).
    for (let k = unit.to - 1; k > Math.max(unit.from + 1, unit.to - 7); k--) {
      const head = text.text.slice(unit.from, k);
      const tail = simplified.slice(k, unit.to);
      const known = this.resolve(head) !== undefined || this.resolve(unit.name.slice(0, unit.name.length - (unit.to - k))) !== undefined;
      const organisation = ORGANISATION_ENDING.test(toSimplified(head)) && tail.length >= 2 && tail.length <= 4 && !ORGANISATION_ENDING.test(tail);
      if (tail.length <= 6 && /^[\u4e00-\u9fff]+$/.test(tail) && (known || organisation))
        return k;
    }
    return undefined;
  }

  private assign(units: Written[], role: Role) {
    const { registry, jurisdiction } = this;
    for (const unit of units) {
      const { start, end: unitEnd } = sourceRange(this.text, unit.from, unit.to);
      const known = this.resolve(unit.name);
      const resolved = known ?? registry.provisionalUnit(unit.name, jurisdiction);
      if (!known) this.warnings.push({ code: 'unknown-unit', message: `unit '${unit.name}' is not in the unit registry; a provisional unit stands in for it`, offset: start });
      this.assignments.push({
        role,
        name: unit.name,
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
      // Not push(...): a clause of a million units would pass a million arguments and overflow the stack (fuzz campaign).
      for (const unit of this.distribute(elements)) pending.push(unit);
      const last = pending[pending.length - 1];
      const unknownAt = !marker && last ? this.unknownRoleWord(last) : undefined;
      if (marker) {
        this.markerFound = true;
        this.assign(pending, marker.role);
        pending = [];
      } else if (unknownAt !== undefined && last) {
        const word = text.text.slice(unknownAt, last.to);
        this.warnings.push({ code: 'unknown-role-word', message: `'${word}' is not a role word this parser knows; the units before it are read as co-responsible`, offset: this.at(unknownAt) });
        last.name = last.name.slice(0, last.name.length - word.length);
        last.to = unknownAt;
        this.assign(pending, 'co');
        pending = [];
      }
      segmentStart = i + 1;
    }
    if (pending.length > 0) {
      if (defaultRole === undefined) this.unmarked = true;
      // Listing units without a role word is a house style where the document says the first
      // listed leads; elsewhere the reader should know the role was not written.
      if (defaultRole === undefined && !this.conventionApplies)
        this.warnings.push({
          code: 'unknown-role-word',
          message: `no role word follows ${pending.map((u) => u.name).join('、')}; read as co-responsible`,
          offset: sourceRange(text, pending[0]!.from, pending[0]!.to).start,
        });
      this.assign(pending, defaultRole ?? 'co');
    }
  }
}
