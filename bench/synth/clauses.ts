/**
 * Responsibility clauses with their ground truth. A clause is built as runs of units, each run
 * closed by a role marker, so the text and the expected assignments come from one structure and
 * cannot disagree.
 */
import type { Role, Unit } from '../../graph/model';
import { zipfSampler, type Random } from './prng';
import type { Jurisdiction } from './registry';

/** What the parser must report for one unit of a clause. */
export interface ExpectedAssignment {
  role: Role;
  /** Name as written after 省/市政府 distribution, without whitespace. */
  nameAsWritten: string;
  unitId: string;
  generic: boolean;
  inferred: boolean;
}

interface NamedUnit {
  unit: Unit;
  /** Name after distribution. */
  name: string;
}

/** Units written together: `省发展改革委、科技厅`, `广州、深圳市政府`, or one unit. */
interface Group {
  text: string;
  units: NamedUnit[];
}

interface Run {
  groups: Group[];
  marker: string;
  role: Role;
}

export const CLAUSE_VARIANTS = {
  leadAndCo: 0.55,
  coOnly: 0.2,
  leadOnly: 0.12,
  leadAndSupport: 0.05,
  guideAndImplement: 0.03,
  genericOnly: 0.03,
  implementOnly: 0.02,
} as const;
export type ClauseVariant = keyof typeof CLAUSE_VARIANTS;

/** Documents declaring 列第一位的为牵头单位 mostly list units with one 负责 marker. */
const CONVENTION_VARIANTS = { listed: 0.7, leadAndCo: 0.25, leadOnly: 0.05 } as const;

const CO_MARKERS = { 按职责分工负责: 0.75, 分工负责: 0.1, 负责: 0.15 } as const;
const SUPPORT_MARKERS = { 配合: 0.5, 参与: 0.2, 协助: 0.15, 支持: 0.15 } as const;
const IMPLEMENT_MARKERS = { 落实: 0.85, 结合实际落实: 0.15 } as const;

export interface ClauseContext {
  random: Random;
  jurisdiction: Jurisdiction;
  /** The document declares that the first-listed unit leads. */
  firstListedLeads: boolean;
}

/** Zipf-skewed choice of units per jurisdiction, so a few departments are overloaded. */
export class UnitPicker {
  private readonly provincialOrder: Unit[];
  private readonly sampleProvincial: (random: Random) => number;

  constructor(
    private readonly jurisdiction: Jurisdiction,
    random: Random,
    exponent = 1.1,
  ) {
    this.provincialOrder = random.shuffle(jurisdiction.provincial);
    this.sampleProvincial = zipfSampler(this.provincialOrder.length, exponent);
  }

  /** Up to `count` distinct provincial units not in `taken`. */
  provincial(random: Random, count: number, taken: Set<string>): Unit[] {
    const chosen: Unit[] = [];
    for (let attempt = 0; chosen.length < count && attempt < count * 20; attempt++) {
      const unit = this.provincialOrder[this.sampleProvincial(random)]!;
      if (!taken.has(unit.id)) {
        taken.add(unit.id);
        chosen.push(unit);
      }
    }
    return chosen;
  }

  standalone(random: Random, kind: 'party' | 'central-branch', taken: Set<string>): Unit | undefined {
    const candidates = this.jurisdiction.standalone.filter((u) => u.kind === kind && !taken.has(u.id));
    if (candidates.length === 0) return undefined;
    const unit = random.pick(candidates);
    taken.add(unit.id);
    return unit;
  }

  cities(random: Random, count: number): Jurisdiction['cities'] {
    return random.shuffle(this.jurisdiction.cities).slice(0, Math.min(count, this.jurisdiction.cities.length));
  }
}

const provincialGroup = (units: Unit[]): Group => ({
  // 省 is written once and distributes over the list.
  text: units.map((u, i) => (i === 0 ? u.shortName : u.shortName.replace(/^省/, ''))).join('、'),
  units: units.map((unit) => ({ unit, name: unit.shortName })),
});
const singleGroup = (unit: Unit): Group => ({ text: unit.shortName, units: [{ unit, name: unit.shortName }] });

function leadRun(ctx: ClauseContext, picker: UnitPicker, taken: Set<string>): Run {
  const { random } = ctx;
  const roll = random.next();
  const party = roll < 0.08 ? picker.standalone(random, 'party', taken) : undefined;
  const group = party ? singleGroup(party) : provincialGroup(picker.provincial(random, random.chance(0.05) ? 2 : 1, taken));
  return { groups: [group], marker: '牵头', role: 'lead' };
}

/** A co-responsible run; groups with different prefixes are joined by commas (one run). */
function coRun(ctx: ClauseContext, picker: UnitPicker, taken: Set<string>, marker: string, size: number): Run {
  const { random } = ctx;
  const groups: Group[] = [];
  if (random.chance(0.12)) {
    const party = picker.standalone(random, 'party', taken);
    if (party) groups.push(singleGroup(party));
  }
  const provincial = picker.provincial(random, Math.max(1, size - groups.length), taken);
  if (provincial.length > 0) groups.push(provincialGroup(provincial));
  if (random.chance(0.1)) {
    const branches = [picker.standalone(random, 'central-branch', taken), random.chance(0.4) ? picker.standalone(random, 'central-branch', taken) : undefined]
      .filter((u): u is Unit => u !== undefined);
    // Own-prefix branches list with 、 and no distribution: 人民银行广州分行、广东证监局.
    if (branches.length > 0) groups.push({ text: branches.map((u) => u.shortName).join('、'), units: branches.map((unit) => ({ unit, name: unit.shortName })) });
  }
  return { groups, marker, role: 'co' };
}

function implementRun(ctx: ClauseContext, picker: UnitPicker): Run {
  const { random } = ctx;
  const marker = random.weighted(IMPLEMENT_MARKERS);
  if (random.chance(0.7)) {
    const generic = random.pick(ctx.jurisdiction.generics.filter((g) => g.shortName.endsWith('市政府')));
    return { groups: [singleGroup(generic)], marker, role: 'implement' };
  }
  const cities = picker.cities(random, random.chance(0.6) ? random.int(1, 3) : random.int(4, 9));
  // 市政府 is written once at the end and distributes back over the list: 广州、深圳、韶关市政府.
  const text = `${cities.map((c) => c.city).join('、')}市政府`;
  return { groups: [{ text, units: cities.map((unit) => ({ unit, name: unit.shortName })) }], marker, role: 'implement' };
}

function genericRun(ctx: ClauseContext): Run {
  const { random } = ctx;
  const generic = random.pick(ctx.jurisdiction.generics);
  return { groups: [singleGroup(generic)], marker: random.pick(['负责', '按职责分工负责', '落实']), role: 'co' };
}

function runsFor(variant: ClauseVariant | 'listed', ctx: ClauseContext, picker: UnitPicker): Run[] {
  const { random } = ctx;
  const taken = new Set<string>();
  const coSize = () => random.weighted({ 1: 0.2, 2: 0.3, 3: 0.25, 4: 0.15, 5: 0.1 });
  const withImplement = (runs: Run[], p: number) => (random.chance(p) ? [...runs, implementRun(ctx, picker)] : runs);
  switch (variant) {
    case 'leadAndCo':
      return withImplement([leadRun(ctx, picker, taken), coRun(ctx, picker, taken, random.weighted(CO_MARKERS), Number(coSize()))], 0.45);
    case 'coOnly':
      return withImplement([coRun(ctx, picker, taken, random.weighted(CO_MARKERS), Number(coSize()) + 1)], 0.35);
    case 'leadOnly':
      return withImplement([leadRun(ctx, picker, taken)], 0.4);
    case 'leadAndSupport':
      return withImplement(
        [leadRun(ctx, picker, taken), { groups: [provincialGroup(picker.provincial(random, random.int(1, 2), taken))], marker: random.weighted(SUPPORT_MARKERS), role: 'support' }],
        0.2,
      );
    case 'guideAndImplement':
      return [{ groups: [provincialGroup(picker.provincial(random, 1, taken))], marker: '指导', role: 'guide' }, implementRun(ctx, picker)];
    case 'genericOnly': {
      const run = genericRun(ctx);
      // 落实 keeps its role; 负责 and 按职责分工负责 make the placeholder co-responsible.
      return [{ ...run, role: run.marker === '落实' ? 'implement' : 'co' }];
    }
    case 'implementOnly':
      return [implementRun(ctx, picker)];
    case 'listed':
      return withImplement([coRun(ctx, picker, taken, random.pick(['负责', '负责', '按职责分工负责']), Number(coSize()) + 1)], 0.3);
  }
}

export interface Clause {
  /** Full-width punctuation; the document's style converts it. */
  inner: string;
  expected: ExpectedAssignment[];
}

export function generateClause(ctx: ClauseContext, picker: UnitPicker): Clause {
  const variant = ctx.firstListedLeads ? ctx.random.weighted(CONVENTION_VARIANTS) : ctx.random.weighted(CLAUSE_VARIANTS);
  const runs = runsFor(variant, ctx, picker).filter((run) => run.groups.some((g) => g.units.length > 0));
  const inner = runs.map((run) => run.groups.map((g) => g.text).join('，') + run.marker).join('，');
  const expected: ExpectedAssignment[] = runs.flatMap((run) =>
    run.groups.flatMap((g) =>
      g.units.map(({ unit, name }) => ({ role: run.role, nameAsWritten: name, unitId: unit.id, generic: unit.kind === 'generic', inferred: false })),
    ),
  );
  const hasLead = expected.some((a) => a.role === 'lead');
  if (ctx.firstListedLeads && !hasLead && expected[0] && !expected[0].generic) {
    // 列第一位的为牵头单位: the first-listed unit leads, marked as inferred.
    expected[0] = { ...expected[0], role: 'lead', inferred: true };
  }
  return { inner, expected };
}
