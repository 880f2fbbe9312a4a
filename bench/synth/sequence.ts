/**
 * A plan and its next years, with every edit between two years written to the ground truth (issue 17):
 * items dropped and added, titles and bodies reworded lightly (one sentence) or heavily (the title's
 * verb and most of the body), items moved to another section, owners added, removed or swapped
 * (lead ↔ co-responsible), and units renamed through a registry successor. Each task keeps a key
 * across years, so the truth says which item of one year is which item of the next.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryFileSchema, type RegistryFile, type Unit } from '../../graph/model';
import { bodySentence, chineseNumeral } from './document';
import { createRandom } from './prng';
import { buildSyntheticRegistry, type Jurisdiction } from './registry';
import { ITEM_VERBS, NOUNS, SECTION_VERBS, THEMES } from './vocabulary';

export interface SequenceOptions {
  seed: number;
  /** Plans to generate, one a year. */
  years: number;
  firstYear: number;
  /** Items of the first year's plan (later years drift by the edits). */
  items: number;
}

export const DEFAULT_SEQUENCE_OPTIONS: SequenceOptions = { seed: 2021, years: 5, firstYear: 2021, items: 60 };

/** What happened to a task between one year and the next. */
export type TaskEdit =
  | { kind: 'reworded-light' }
  | { kind: 'reworded-heavy' }
  | { kind: 'moved'; fromSection: number; toSection: number }
  | { kind: 'owner-added'; unitId: string }
  | { kind: 'owner-removed'; unitId: string }
  | { kind: 'owners-swapped'; formerLead: string; newLead: string }
  | { kind: 'owner-renamed'; unitId: string; successorId: string };

/** One matched item of two neighbouring years: the same task. */
export interface TruthPair {
  task: string;
  oldItem: string;
  newItem: string;
  /** The text did not change (only its number, section or owners may have). */
  textUnchanged: boolean;
  edits: TaskEdit[];
}

export interface SequenceStep {
  old: string;
  new: string;
  pairs: TruthPair[];
  added: string[];
  dropped: string[];
}

export interface SequenceTruth {
  options: SequenceOptions;
  documents: { id: string; year: number }[];
  steps: SequenceStep[];
  /** unit id → successor id, for the renames the sequence makes. */
  renames: Record<string, string>;
}

export interface GeneratedSequence {
  registry: RegistryFile;
  documents: { id: string; year: number; text: string; sidecar: { id: string; title: string; year: number; jurisdiction: string } }[];
  truth: SequenceTruth;
}

interface Task {
  key: string;
  section: number;
  verb: string;
  noun: string;
  sentences: string[];
  lead: Unit[];
  co: Unit[];
  implement: boolean;
}

const RATES = { drop: 0.08, add: 0.08, light: 0.12, heavy: 0.08, move: 0.06, ownerAdded: 0.08, ownerRemoved: 0.06, swapped: 0.05 };
/** Units renamed in each year after the first. */
const RENAMES_PER_YEAR = 1;

/** A successor's short name: 省科技厅 → 省科技管理局 (what a merger or upgrade would leave). */
const successorName = (shortName: string) => `${shortName.replace(/[厅委局办]$/, '')}管理局`;

export function generatePlanSequence(options: SequenceOptions = DEFAULT_SEQUENCE_OPTIONS): GeneratedSequence {
  const random = createRandom(options.seed);
  const { file, jurisdictions } = buildSyntheticRegistry(random.fork(), 120);
  const j: Jurisdiction = jurisdictions[0]!;
  const theme = random.pick(THEMES);
  const related = j.generics.find((g) => g.shortName === '相关市政府')!;
  const sectionTitles = random.shuffle(NOUNS).slice(0, 6).map((noun, i) => `${SECTION_VERBS[i % SECTION_VERBS.length]}${noun.replace(/建设$/, '')}`);
  const titles = random.shuffle(ITEM_VERBS.flatMap((verb) => NOUNS.map((noun) => [verb, noun] as const)));
  let nextTitle = 0;
  let nextKey = 1;
  const pickUnits = (count: number, taken: Set<string>) =>
    random.shuffle(j.provincial.filter((unit) => !taken.has(unit.id))).slice(0, count);
  const newTask = (): Task => {
    const [verb, noun] = titles[nextTitle++]!;
    const lead = random.chance(0.8) ? pickUnits(1, new Set()) : [];
    const co = pickUnits(random.int(1, 4), new Set(lead.map((u) => u.id)));
    return {
      key: `task-${nextKey++}`,
      section: random.int(1, sectionTitles.length),
      verb,
      noun,
      sentences: Array.from({ length: random.int(3, 5) }, () => bodySentence(random, j)),
      lead,
      co,
      implement: random.chance(0.4),
    };
  };

  const successors = new Map<string, Unit>();
  let tasks: Task[] = Array.from({ length: options.items }, newTask);
  const documents: GeneratedSequence['documents'] = [];
  const steps: SequenceStep[] = [];
  let previous: Map<string, string> | undefined;
  let edits = new Map<string, TaskEdit[]>();
  let dropped: string[] = [];

  for (let index = 0; index < options.years; index++) {
    const year = options.firstYear + index;
    const id = `synth-sequence-${year}`;
    const { text, itemIds } = renderPlan(id, year, tasks);
    documents.push({ id, year, text, sidecar: { id, title: `${year}年${j.name}省${theme}工作要点`, year, jurisdiction: j.code } });
    if (previous) {
      const prior = previous;
      steps.push({
        old: documents[index - 1]!.id,
        new: id,
        pairs: tasks
          .filter((task) => prior.has(task.key))
          .map((task) => {
            const taskEdits = edits.get(task.key) ?? [];
            return {
              task: task.key,
              oldItem: prior.get(task.key)!,
              newItem: itemIds.get(task.key)!,
              textUnchanged: !taskEdits.some((e) => e.kind === 'reworded-light' || e.kind === 'reworded-heavy'),
              edits: taskEdits,
            };
          }),
        added: tasks.filter((task) => !prior.has(task.key)).map((task) => itemIds.get(task.key)!),
        dropped,
      });
    }
    previous = itemIds;
    if (index === options.years - 1) break;
    ({ tasks, edits, dropped } = nextYear(tasks, previous));
  }

  function nextYear(current: Task[], itemIds: Map<string, string>) {
    const yearEdits = new Map<string, TaskEdit[]>();
    const note = (task: Task, edit: TaskEdit) => yearEdits.set(task.key, [...(yearEdits.get(task.key) ?? []), edit]);
    const keep = current.filter(() => !random.chance(RATES.drop));
    const droppedIds = current.filter((task) => !keep.includes(task)).map((task) => itemIds.get(task.key)!);
    // Renames first: every later task naming the unit writes its successor's name.
    for (let r = 0; r < RENAMES_PER_YEAR; r++) {
      const named = [...new Set(keep.flatMap((task) => [...task.lead, ...task.co]))].filter((unit) => !successors.has(unit.id) && unit.successorId === undefined);
      const unit = named.length > 0 ? random.pick(named) : undefined;
      if (!unit) continue;
      const successor: Unit = { ...unit, id: `${unit.id}.successor`, name: successorName(unit.name), shortName: successorName(unit.shortName), aliases: [] };
      successors.set(unit.id, successor);
      for (const task of keep) {
        const renamed = (units: Unit[]) => units.map((u) => (u.id === unit.id ? successor : u));
        if ([...task.lead, ...task.co].some((u) => u.id === unit.id)) note(task, { kind: 'owner-renamed', unitId: unit.id, successorId: successor.id });
        task.lead = renamed(task.lead);
        task.co = renamed(task.co);
      }
    }
    const next = keep.map((task) => {
      const edited: Task = { ...task, sentences: [...task.sentences], lead: [...task.lead], co: [...task.co] };
      if (random.chance(RATES.heavy)) {
        edited.verb = random.pick(ITEM_VERBS.filter((verb) => verb !== task.verb));
        const kept = random.int(1, Math.max(1, Math.floor(task.sentences.length / 2)));
        edited.sentences = [...random.shuffle(task.sentences).slice(0, kept), ...Array.from({ length: random.int(2, 3) }, () => bodySentence(random, j))];
        note(task, { kind: 'reworded-heavy' });
      } else if (random.chance(RATES.light)) {
        edited.sentences[random.int(0, edited.sentences.length - 1)] = bodySentence(random, j);
        note(task, { kind: 'reworded-light' });
      }
      if (random.chance(RATES.move)) {
        const toSection = random.pick(sectionTitles.map((_t, i) => i + 1).filter((s) => s !== task.section));
        note(task, { kind: 'moved', fromSection: task.section, toSection });
        edited.section = toSection;
      }
      const named = new Set([...edited.lead, ...edited.co].map((u) => u.id));
      if (random.chance(RATES.ownerAdded)) {
        const [unit] = random.shuffle(j.provincial.filter((u) => !named.has(u.id) && !successors.has(u.id)));
        if (unit) {
          edited.co.push(unit);
          note(task, { kind: 'owner-added', unitId: unit.id });
        }
      } else if (edited.co.length >= 2 && random.chance(RATES.ownerRemoved)) {
        const [unit] = edited.co.splice(random.int(0, edited.co.length - 1), 1);
        note(task, { kind: 'owner-removed', unitId: unit!.id });
      } else if (edited.lead.length === 1 && edited.co.length > 0 && random.chance(RATES.swapped)) {
        const [formerLead, newLead] = [edited.lead[0]!, edited.co[0]!];
        edited.lead = [newLead];
        edited.co = [formerLead, ...edited.co.slice(1)];
        note(task, { kind: 'owners-swapped', formerLead: formerLead.id, newLead: newLead.id });
      }
      return edited;
    });
    const added = Array.from({ length: Math.round(current.length * RATES.add) }, newTask);
    return { tasks: [...next, ...added], edits: yearEdits, dropped: droppedIds };
  }

  function renderPlan(id: string, year: number, planTasks: Task[]) {
    const title = `${year}年${j.name}省${theme}工作要点`;
    const lines = [title, '', `为深入贯彻落实党中央、国务院决策部署，推动${j.name}省${theme}高质量发展，现制定${title}。`];
    const itemIds = new Map<string, string>();
    let itemNo = 0;
    sectionTitles.forEach((sectionTitle, s) => {
      lines.push('', `${chineseNumeral(s + 1)}、${sectionTitle}`);
      for (const task of planTasks.filter((t) => t.section === s + 1)) {
        itemNo++;
        itemIds.set(task.key, `${id}/item-${itemNo}`);
        const runs = [
          ...(task.lead.length > 0 ? [`${task.lead.map((u) => u.shortName).join('、')}牵头`] : []),
          ...(task.co.length > 0 ? [`${task.co.map((u) => u.shortName).join('、')}按职责分工负责`] : []),
          ...(task.implement ? [`${related.shortName}落实`] : []),
        ];
        lines.push('', `（${chineseNumeral(itemNo)}）${task.verb}${task.noun}。${task.sentences.join('')}（${runs.join('，')}）`);
      }
    });
    return { text: `${lines.join('\n')}\n`, itemIds };
  }

  // The predecessors point at their successors, as seeds/units.json does for 广东银保监局.
  const units = [...file.units, ...successors.values()].map((unit) =>
    successors.has(unit.id) ? { ...unit, successorId: successors.get(unit.id)!.id } : unit,
  );
  return {
    registry: RegistryFileSchema.parse({ version: file.version, units }),
    documents,
    truth: {
      options,
      documents: documents.map(({ id, year }) => ({ id, year })),
      steps,
      renames: Object.fromEntries([...successors].map(([from, to]) => [from, to.id])),
    },
  };
}

/** `<outDir>/units.json`, `<outDir>/documents/<id>.txt` with sidecars, `<outDir>/truth/sequence.json`. */
export function writePlanSequence(outDir: string, options: SequenceOptions = DEFAULT_SEQUENCE_OPTIONS): GeneratedSequence {
  const sequence = generatePlanSequence(options);
  mkdirSync(join(outDir, 'documents'), { recursive: true });
  mkdirSync(join(outDir, 'truth'), { recursive: true });
  writeFileSync(join(outDir, 'units.json'), `${JSON.stringify(sequence.registry, null, 1)}\n`);
  for (const document of sequence.documents) {
    writeFileSync(join(outDir, 'documents', `${document.id}.txt`), document.text);
    writeFileSync(join(outDir, 'documents', `${document.id}.meta.json`), `${JSON.stringify(document.sidecar)}\n`);
  }
  writeFileSync(join(outDir, 'truth', 'sequence.json'), `${JSON.stringify(sequence.truth, null, 1)}\n`);
  return sequence;
}
