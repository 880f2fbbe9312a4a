import { concat, lineBreak, slice, sourceEnd, type MappedText } from './mappedText';
import { repairLine } from './repair';
import { ROLE_LABEL } from './roles';

/** What a paragraph is, read from how it begins. */
export type ParagraphKind = 'section' | 'item' | 'sub-item' | 'role-line' | 'text';

export interface Paragraph {
  kind: ParagraphKind;
  /** Repaired text of the paragraph, label included. */
  body: MappedText;
  /** The numbering label as repaired (`一、`, `（十二）`, `1.`), empty for plain text. */
  label: string;
  /** The label's number: 一、 → 1, （十二） → 12, ③ → 3. */
  no: number;
  /** Sub-item numbering style, to tell `1.` from `（1）` and `①` levels. */
  style?: 'arabic' | 'paren' | 'circled';
}

const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇两]+';
const SECTION = new RegExp(`^(${CHINESE_NUMERAL})、`);
const ITEM = new RegExp(`^（(${CHINESE_NUMERAL})）`);
const SUB_ARABIC = /^(\d{1,2})[.．、](?![\d])/;
const SUB_PAREN = /^（(\d{1,2})）/;
const SUB_CIRCLED = /^([\u2460-\u2473])/;
const LABEL_AT_START = new RegExp(`^${ROLE_LABEL.source}`);

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 二十 → 20, 一百零三 → 103 (work plans stay far below a thousand items). */
export function chineseNumeral(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const char of numeral) {
    if (char === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (char === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[char] ?? 0;
  }
  return total + digit;
}

function classify(body: MappedText): Paragraph {
  const paragraph = classifyByLabel(body);
  // A label numbered 0 (零、, （〇）, 0.) numbers nothing: sections and items are numbered from 1.
  return paragraph.label === '' || paragraph.no > 0 ? paragraph : { kind: 'text', body, label: '', no: 0 };
}

function classifyByLabel(body: MappedText): Paragraph {
  const text = body.text;
  let match = SECTION.exec(text);
  if (match) return { kind: 'section', body, label: match[0], no: chineseNumeral(match[1]!) };
  match = ITEM.exec(text);
  if (match) return { kind: 'item', body, label: match[0], no: chineseNumeral(match[1]!) };
  match = SUB_PAREN.exec(text);
  if (match) return { kind: 'sub-item', body, label: match[0], no: Number(match[1]), style: 'paren' };
  match = SUB_ARABIC.exec(text);
  if (match) return { kind: 'sub-item', body, label: match[0], no: Number(match[1]), style: 'arabic' };
  match = SUB_CIRCLED.exec(text);
  if (match) return { kind: 'sub-item', body, label: match[0], no: match[1]!.charCodeAt(0) - 0x245f, style: 'circled' };
  if (LABEL_AT_START.test(body.simplified)) return { kind: 'role-line', body, label: '', no: 0 };
  return { kind: 'text', body, label: '', no: 0 };
}

/** Ends of a sentence or a parenthetical: a paragraph ending otherwise was cut mid-sentence. */
const SENTENCE_END = /[。！？；：…）」』”’!?;:]$/;
/** Prose shows sentence punctuation; titles and headings do not (and must never be glued to what follows). */
const PROSE = /[。，；、“”《》]/;
/**
 * The headline of a covering letter (`X关于印发《Y》的通知`) ends its line although it carries 《》: the
 * salutation below it (`各区人民政府，市直各单位：`) is another paragraph, never its continuation.
 */
const LETTER_HEADLINE_END = /的(?:通知|意见|决定|通报|批复|函)$/;
/** A line never begins with these; one that does continues the previous line. */
const CONTINUATION_START = /^[，。、；：）》”’]/;

/**
 * Splits the source into repaired paragraphs and rejoins those that PDF extraction cut
 * mid-sentence with a (blank) line break: `编制《广东省数据条` + `例》…` is one sentence.
 */
export function readParagraphs(source: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  /** Every line's source offsets, in one array for the document. */
  const offsets = new Uint32Array(source.length);
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const contentEnd = lineEnd > lineStart && source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const body = repairLine(source, lineStart, contentEnd, offsets);
    if (body.text.length > 0) {
      const paragraph = classify(body);
      const previous = paragraphs[paragraphs.length - 1];
      const cutMidSentence =
        previous !== undefined &&
        paragraph.kind === 'text' &&
        previous.kind !== 'section' &&
        previous.kind !== 'role-line' &&
        (CONTINUATION_START.test(body.text) ||
          (!SENTENCE_END.test(previous.body.text) && !LETTER_HEADLINE_END.test(previous.body.text) && PROSE.test(previous.body.text)));
      if (cutMidSentence) previous.body = concat([previous.body, body]);
      else paragraphs.push(paragraph);
    }
    lineStart = lineEnd + 1;
  }
  return paragraphs.flatMap(splitInlineSubItems);
}

/** A sub-item label right after the end of a sentence: `…建设。2.开展试点…`, `…；（2）…`, `…。②…`. */
const INLINE_SUB_ITEM = /(?<=[。；）])(?:(\d{1,2})[.．、](?!\d)|（(\d{1,2})）|([\u2460-\u2473]))/g;

/** Whether INLINE_SUB_ITEM can match at all: a digit, （ or circled number right after 。；）. Much cheaper than the regex. */
function mayHaveInlineSubItem(text: string): boolean {
  for (const end of ['。', '；', '）']) {
    for (let i = text.indexOf(end); i >= 0 && i + 1 < text.length; i = text.indexOf(end, i + 1)) {
      const next = text.charCodeAt(i + 1);
      if ((next >= 0x30 && next <= 0x39) || next === 0xff08 || (next >= 0x2460 && next <= 0x2473)) return true;
    }
  }
  return false;
}

/**
 * Sub-items run on in one paragraph when a document (or its PDF extraction) does not break the
 * line: `（三）…。1.…（省科技厅负责）；2.…（省财政厅负责）`. Each becomes a paragraph of its own so
 * that each keeps its clause. Only a run numbered 1, 2, 3… (after the paragraph's own label, if it
 * has one of the same style) counts, so that a stray `。3.` inside a sentence does not split it.
 */
function splitInlineSubItems(paragraph: Paragraph): Paragraph[] {
  const text = paragraph.body.text;
  if (!mayHaveInlineSubItem(text)) return [paragraph];
  const found = [...text.matchAll(INLINE_SUB_ITEM)].map((m) => ({
    at: m.index,
    style: m[1] ? 'arabic' : m[2] ? 'paren' : 'circled',
    no: m[1] ? Number(m[1]) : m[2] ? Number(m[2]) : m[3]!.charCodeAt(0) - 0x245f,
  }));
  const style = found[0]?.style;
  const run = found.filter((f) => f.style === style);
  const firstNo = paragraph.kind === 'sub-item' && paragraph.style === style ? paragraph.no + 1 : 1;
  if (run.length === 0 || run.some((f, i) => f.no !== firstNo + i)) return [paragraph];
  const cuts = [0, ...run.map((f) => f.at), text.length];
  return cuts.slice(0, -1).map((from, i) => {
    const body = slice(paragraph.body, from, cuts[i + 1]);
    return i === 0 ? { ...paragraph, body } : classify(body);
  });
}

/** Paragraphs of one item as one text, a line break between paragraphs. */
export function joinParagraphs(bodies: readonly MappedText[]): MappedText {
  const parts: MappedText[] = [];
  bodies.forEach((body, index) => {
    if (index > 0) parts.push(lineBreak(sourceEnd(bodies[index - 1]!) ?? 0));
    parts.push(body);
  });
  return concat(parts);
}
