/**
 * One synthetic work plan: title, 浏览量/发布时间 lines, preamble, 一、 sections, （一） items with
 * a title sentence, a body and a trailing clause, sometimes 1. sub-items with their own
 * clauses, and the artifacts PDF extraction leaves (spaces inside words, paragraphs split by a
 * blank line, half-width punctuation).
 */
import type { DocumentSidecar, JurisdictionLevel } from '../../graph/model';
import { generateClause, UnitPicker, type ClauseContext, type ExpectedAssignment } from './clauses';
import { deadlineSentence, noCommitments, ongoingOpeners, placeSentence, targetSentence, type ExpectedCommitments } from './commitments';
import type { Random } from './prng';
import type { Jurisdiction } from './registry';
import {
  ABBREVIATIONS,
  BODY_OBJECTS,
  BODY_OPENERS,
  BODY_PURPOSES,
  BOOK_TITLES,
  DOCUMENT_KINDS,
  ISSUER_SUFFIXES,
  ITEM_VERBS,
  NOUNS,
  QUOTED_TERMS,
  SECTION_VERBS,
  THEMES,
} from './vocabulary';

export interface ExpectedItem extends Partial<ExpectedCommitments> {
  /** `<documentId>/item-12`, sub-items `<documentId>/item-3.2`. */
  id: string;
  label: string;
  assignments: ExpectedAssignment[];
}

export interface DocumentTruth {
  documentId: string;
  /** GB/T 2260 code of the issuing government. */
  jurisdiction: string;
  level: JurisdictionLevel;
  firstListedLeads: boolean;
  /** How the convention is declared, when it is. */
  convention: 'preamble' | 'first-clause' | null;
  style: DocumentStyle;
  /** Items that carry a clause (parents of sub-items carry none and are not listed). */
  items: ExpectedItem[];
}

export interface DocumentStyle {
  /** `half`: (一), half-width commas and parentheses, as PDF extraction leaves them. */
  punctuation: 'full' | 'half';
  pdfArtifacts: boolean;
  encoding: 'utf8' | 'utf8-bom' | 'gb18030';
}

export interface GeneratedDocument {
  id: string;
  text: string;
  sidecar: DocumentSidecar;
  truth: DocumentTruth;
}

const DIGITS = [...'零一二三四五六七八九'];

/** 1..99 → 一..九十九, the way documents number sections and items. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99) throw new Error(`synth/document: numeral out of range: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const CJK = /[\u4e00-\u9fff]/;
const NUMERAL_CHARS = new Set([...'一二三四五六七八九十']);

/** Spaces PDF extraction leaves between two Chinese characters: `管 理局`. */
function sprinkleSpaces(random: Random, text: string, perChar: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += text[i];
    if (CJK.test(text[i]!) && CJK.test(text[i + 1] ?? '') && random.chance(perChar)) out += ' ';
  }
  return out;
}

/** A paragraph split mid-sentence by a blank line, never before something that reads as a heading. */
function splitParagraph(random: Random, text: string, indent: string): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const at = random.int(Math.floor(text.length * 0.2), Math.floor(text.length * 0.8));
    const [a, b, c] = [text[at - 1] ?? '', text[at] ?? '', text[at + 1] ?? ''];
    if (CJK.test(a) && CJK.test(b) && CJK.test(c) && !NUMERAL_CHARS.has(b)) return `${text.slice(0, at)}\n\n${indent}${text.slice(at)}`;
  }
  return text;
}

/** The plan a sentence stands in: whose it is (its setting is never a place mention) and its year. */
interface Plan {
  code: string;
  year: number;
}

/** A body sentence with the places, deadlines and targets it commits to (none for most). */
function sentence(random: Random, j: Jurisdiction, plan: Plan): { text: string; truth: ExpectedCommitments } {
  const object = random.pick(BODY_OBJECTS);
  switch (random.int(0, 9)) {
    case 7:
      return placeSentence(random, plan.code, object);
    case 8:
      return deadlineSentence(random, plan.year, object);
    case 9:
      return targetSentence(random, object);
    case 3: {
      const count = random.int(10, 9000);
      const text = `新增推动 ${count} 家规模以上企业${object}，${random.pick(BODY_PURPOSES)}。`;
      return { text, truth: { ...noCommitments(), targets: [{ text: `${count}家`, value: count, unit: '家', comparator: '=' }] } };
    }
    default:
      return plainSentence(random, j, object);
  }
}

/** A body sentence committing to no place, deadline or target: the text of a task another year rewords (sequence.ts). */
export function bodySentence(random: Random, j: Jurisdiction): string {
  return plainSentence(random, j, random.pick(BODY_OBJECTS)).text;
}

/** A sentence committing to nothing, but for the opener 持续推进, which is ongoing work (ongoingOpeners). */
function plainSentence(random: Random, j: Jurisdiction, object: string): { text: string; truth: ExpectedCommitments } {
  const opener = random.pick(BODY_OPENERS);
  const purpose = random.pick(BODY_PURPOSES);
  switch (random.int(0, 5)) {
    case 0:
      return ongoingOpeners(`${opener}“${random.pick(QUOTED_TERMS)}”${object}，${purpose}。`, [opener]);
    case 1:
      return ongoingOpeners(`贯彻落实《${j.name}省${random.pick(BOOK_TITLES)}》，${opener}${object}。`, [opener]);
    case 2: {
      const [full, abbr] = random.pick(ABBREVIATIONS);
      // A parenthesis inside the body is not a clause.
      return ongoingOpeners(`持续推动企业开展${full}（简称 ${abbr}）贯标工作，${purpose}。`, []);
    }
    case 3: {
      const [a, b] = random.shuffle(j.cities).slice(0, 2);
      return ongoingOpeners(`支持${a!.city}、${b!.city}等地${opener}${object}。`, [opener]);
    }
    default: {
      const second = random.pick(BODY_OPENERS);
      return ongoingOpeners(`${opener}${object}，${second}${random.pick(BODY_OBJECTS)}，${purpose}。`, [opener, second]);
    }
  }
}

function body(random: Random, j: Jurisdiction, plan: Plan): { text: string; truth: ExpectedCommitments } {
  const sentences = Array.from({ length: random.int(2, 6) }, () => sentence(random, j, plan));
  return {
    text: sentences.map((s) => s.text).join(''),
    truth: {
      places: sentences.flatMap((s) => s.truth.places),
      deadlines: sentences.flatMap((s) => s.truth.deadlines),
      targets: sentences.flatMap((s) => s.truth.targets),
    },
  };
}

const isPlain = (truth: ExpectedCommitments) => truth.places.length + truth.deadlines.length + truth.targets.length === 0;

const HALF_WIDTH: Record<string, string> = { '，': ',', '（': '(', '）': ')', '；': ';', '：': ':' };

export interface DocumentContext {
  random: Random;
  jurisdiction: Jurisdiction;
  picker: UnitPicker;
  sequence: number;
}

export function generateDocument(ctx: DocumentContext): GeneratedDocument {
  const { random, jurisdiction: j } = ctx;
  const year = random.int(2015, 2024);
  const id = `synth-${j.id}-${year}-${String(ctx.sequence).padStart(5, '0')}`;
  const theme = random.pick(THEMES);
  const kind = random.pick(DOCUMENT_KINDS);
  const firstListedLeads = random.chance(0.1);
  const convention = firstListedLeads ? random.pick(['preamble', 'first-clause'] as const) : null;
  const style: DocumentStyle = {
    punctuation: random.chance(0.4) ? 'half' : 'full',
    pdfArtifacts: random.chance(0.25),
    encoding: random.weighted({ utf8: 0.97, 'utf8-bom': 0.02, gb18030: 0.01 }),
  };
  const indent = style.punctuation === 'half' ? '  ' : random.pick(['', '\u3000\u3000']);
  const punctuate = (s: string) => (style.punctuation === 'half' ? s.replace(/[，（）；：]/g, (c) => HALF_WIDTH[c]!) : s);
  const artifacts = (s: string) => (style.pdfArtifacts ? sprinkleSpaces(random, s, 0.02) : s);
  const clauseCtx: ClauseContext = { random, jurisdiction: j, firstListedLeads };

  const title = `${year}年${j.name}省${theme}${kind}`;
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const publishedAt = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const lines: string[] = [
    `${j.name}省${random.pick(ISSUER_SUFFIXES).replace('工作领导小组', `${theme}工作领导小组`)}关于印发${title}的通知`,
    '',
    `浏览量:${random.int(100, 20000)}`,
    `发布时间:${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`,
    '',
    `${indent}${title}`,
    '',
    `${indent}${punctuate(
      `为深入贯彻落实党中央、国务院决策部署，推动${j.name}省${theme}高质量发展，现制定${title}。${convention === 'preamble' ? '各项任务中列第一位的单位为牵头单位。' : ''}`,
    )}`,
  ];

  const items: ExpectedItem[] = [];
  let itemNo = 0;
  const sectionCount = random.int(4, 9);
  /** The split, when there is one, falls in the body: a clause stays on one line. */
  const plan: Plan = { code: j.code, year };
  /** A paragraph committing to something is not split: a blank line inside 佛山市 would make it no name. */
  const paragraph = (head: string, clause: string, splittable: boolean) => {
    const text = artifacts(head);
    const split = splittable && style.pdfArtifacts && random.chance(0.2) ? splitParagraph(random, text, indent) : text;
    lines.push('', `${indent}${split}${artifacts(clause)}`);
  };
  const clauseText = (isFirst: boolean) => {
    const clause = generateClause(clauseCtx, ctx.picker);
    const declaration = isFirst && convention === 'first-clause' ? '。列第一位者为牵头单位，下同' : '';
    return { text: punctuate(`（${clause.inner}${declaration}）`), expected: clause.expected };
  };

  for (let s = 1; s <= sectionCount; s++) {
    lines.push('', `${indent}${chineseNumeral(s)}、${random.pick(SECTION_VERBS)}${random.pick(NOUNS).replace(/建设$/, '')}`);
    const itemCount = random.int(2, 7);
    for (let k = 0; k < itemCount && itemNo < 99; k++) {
      itemNo++;
      const halfLabel = style.punctuation === 'half' || random.chance(0.03);
      const label = halfLabel ? `(${chineseNumeral(itemNo)})` : `（${chineseNumeral(itemNo)}）`;
      const itemTitle = `${random.pick(ITEM_VERBS)}${random.pick(NOUNS)}。`;
      const itemId = `${id}/item-${itemNo}`;
      const fullLabel = `（${chineseNumeral(itemNo)}）`;
      if (random.chance(0.08)) {
        // Sub-items carry the clauses; the parent has an introduction only.
        lines.push('', `${indent}${label}${artifacts(punctuate(`${itemTitle}${plainSentence(random, j, random.pick(BODY_OBJECTS)).text.replace(/。$/, '：')}`))}`);
        const subCount = random.int(2, 4);
        for (let m = 1; m <= subCount; m++) {
          const clause = clauseText(items.length === 0);
          const said = body(random, j, plan);
          paragraph(`${m}.${random.pick(ITEM_VERBS)}${random.pick(NOUNS)}。${punctuate(said.text)}`, clause.text, isPlain(said.truth));
          items.push({ id: `${itemId}.${m}`, label: `${fullLabel}${m}.`, assignments: clause.expected, ...said.truth });
        }
        continue;
      }
      const clause = clauseText(items.length === 0);
      const said = body(random, j, plan);
      paragraph(`${label}${punctuate(itemTitle + said.text)}`, clause.text, isPlain(said.truth));
      items.push({ id: itemId, label: fullLabel, assignments: clause.expected, ...said.truth });
    }
  }
  const text = `${lines.join('\n')}\n`;
  return {
    id,
    text,
    sidecar: { id, title, issuer: lines[0]!.replace(/关于印发.*$/, ''), year, publishedAt, jurisdiction: j.code },
    truth: { documentId: id, jurisdiction: j.code, level: j.level, firstListedLeads, convention, style, items },
  };
}
