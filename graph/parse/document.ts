import { createHash } from 'node:crypto';
import { InvalidInputError, ParseError } from '../errors';
import { findJurisdiction } from '../jurisdiction';
import {
  type Clause,
  type DocumentSidecar,
  type Item,
  type ParsedDocument,
  type Section,
} from '../model';
import type { UnitRegistry } from '../registry';
import type { ClauseReading, ClauseWarning } from './clause';
import { parseResponsibilityClause } from './clause';
import { readCommitments } from './commitments';
import { decodeDocument } from './decode';
import { findTrailingClause, type FoundClause } from './findClause';
import { readHeader } from './header';
import { detectJurisdiction } from './jurisdiction';
import { lineLocator } from './locate';
import { slice, sourceEnd, sourceRange, type MappedText } from './mappedText';
import { joinParagraphs, readParagraphs, type Paragraph } from './paragraphs';
import { WarningCollector } from './warnings';
import { FIRST_LISTED_LEADS } from './roles';

export interface ParseOptions {
  /** Where the bytes came from (a file name, or `upload`): named in every warning and error. */
  source: string;
  registry: UnitRegistry;
  sidecar?: DocumentSidecar;
  /** Document id; otherwise the sidecar's, otherwise derived from `source`. */
  id?: string;
  /** Whose plan it is, a GB/T 2260 code or a place name (`440600`, `佛山市`): overrides the sidecar and detection. */
  jurisdiction?: string;
}

/** Short closing lines after the last item: the issuing office and the date. */
const SIGNATURE_LINE = /^[^。，；;,（）()]{2,40}$/;

/** An item or sub-item as the paragraphs give it, before its clause is read. */
interface ItemDraft {
  no: number;
  label: string;
  section: number | null;
  /** Id of that section (unique even where a section number repeats), null outside sections. */
  sectionId: string | null;
  paragraphs: Paragraph[];
  subItems: ItemDraft[];
  /** Numbering style of the item itself when it is numbered like a sub-item (1.), so that 2. is its sibling. */
  ownStyle?: Paragraph['style'];
  subStyle?: Paragraph['style'];
}

/** `guangdong-digital-economy-2023.txt` → `guangdong-digital-economy-2023`; Chinese names fall back to the hash. */
function documentId(source: string, sha256: string): string {
  const base = source.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '').toLowerCase();
  const dashed = base.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  // Trailing dashes dropped by hand: `/-+$/g` retries at every dash of a long run, quadratic in its length.
  let end = dashed.length;
  while (end > 0 && dashed[end - 1] === '-') end--;
  const id = dashed.slice(0, end);
  return id.length > 0 && id !== 'upload' ? id : `document-${sha256.slice(0, 12)}`;
}

/** Item text without its label, so that a title is a sentence. */
function withoutLabel(paragraph: Paragraph, index: number): MappedText {
  return index === 0 ? slice(paragraph.body, paragraph.label.length) : paragraph.body;
}

/** The decoded text of the input, its digest, and how to fail at a place in it. */
function readSource(input: Uint8Array | string, file: string) {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeDocument(input, file).text;
  const locate = lineLocator(source);
  const fatal = (code: string, message: string, offset = 0): never => {
    throw new ParseError(code, message, { file, ...locate(offset) });
  };
  if (!/\S/.test(source)) fatal('empty_document', 'the document is empty');
  return { sha256, source, locate, fatal };
}

/** Which paragraphs number the tasks, and where the body (the first section or task) starts. */
function findBody(paragraphs: Paragraph[], fatal: (code: string, message: string, offset?: number) => never) {
  const hasItems = paragraphs.some((p) => p.kind === 'item');
  // Without （一） items, the first numbering style used (1. or （1） or ①) numbers the tasks.
  const topStyle = hasItems ? undefined : paragraphs.find((p) => p.kind === 'sub-item')?.style;
  const isTopItem = (p: Paragraph) => (hasItems ? p.kind === 'item' : p.kind === 'sub-item' && p.style === topStyle);
  const bodyStart = paragraphs.findIndex((p) => p.kind === 'section' || isTopItem(p));
  if (bodyStart < 0 || !paragraphs.some(isTopItem))
    fatal('no_items', 'the document has no numbered items such as （一） or 1.', paragraphs[0]?.body.starts[0] ?? 0);
  return { isTopItem, bodyStart };
}

/** Whose plan it is: as declared (option, then sidecar), else as its issuer, title, header, preamble or signature tell. */
function documentJurisdiction(options: ParseOptions, header: ReturnType<typeof readHeader>, paragraphs: Paragraph[], bodyStart: number, warn: Warn) {
  const declared = options.jurisdiction ?? options.sidecar?.jurisdiction;
  const given = declared === undefined ? undefined : findJurisdiction(declared);
  if (declared !== undefined && !given) {
    const field = options.jurisdiction !== undefined ? 'jurisdiction' : 'sidecar.jurisdiction';
    throw new InvalidInputError(field, `'${declared}' is no GB/T 2260 code or place name this table knows uniquely (try the 6-digit code, or the name with its province: 北京市朝阳区)`);
  }
  const signature: string[] = [];
  for (let index = paragraphs.length - 1; index > bodyStart && signature.length < 3; index--) {
    const text = paragraphs[index]!.body.text;
    if (paragraphs[index]!.kind !== 'text' || !SIGNATURE_LINE.test(text)) break;
    signature.unshift(text);
  }
  const found =
    given ?? detectJurisdiction({ issuer: header.issuer, title: header.title, headerLines: header.headerLines, signature, preamble: header.preambleLines });
  if (!found)
    warn({
      code: 'jurisdiction-unknown',
      message: 'whose plan this is could not be told from its issuer, title, header, preamble or signature; relative names such as 市财政局 stay unscoped (set it with a sidecar "jurisdiction" or --jurisdiction)',
      offset: 0,
    });
  return found;
}

type Warn = (warning: ClauseWarning, itemId?: string) => void;

/** Section and item ids, unique within the document. */
class IdAllocator {
  private readonly used = new Set<string>();
  /** The next suffix worth trying per wanted id: those below it are taken, so a number repeated k times costs k tries, not k². */
  private readonly nextSuffix = new Map<string, number>();

  constructor(private readonly warn: Warn) {}

  /** The wanted id, or, when a number repeats, the wanted id with a suffix (-2, -3, …) and a warning. */
  unique(wanted: string, what: 'item' | 'section', label: string, offset: number): string {
    let candidate = wanted;
    if (this.used.has(candidate)) {
      let n = this.nextSuffix.get(wanted) ?? 2;
      while (this.used.has(`${wanted}-${n}`)) n++;
      candidate = `${wanted}-${n}`;
      this.nextSuffix.set(wanted, n + 1);
    }
    if (candidate !== wanted)
      this.warn({ code: `duplicate-${what}-number`, message: `${what} number ${label} appears more than once; this one is ${candidate}`, offset });
    this.used.add(candidate);
    return candidate;
  }
}

/** The body's paragraphs grouped into sections and item drafts; the rest is text outside every item. */
function groupParagraphs(paragraphs: Paragraph[], bodyStart: number, isTopItem: (p: Paragraph) => boolean, id: string, ids: IdAllocator) {
  const sections: Section[] = [];
  const drafts: ItemDraft[] = [];
  /** Text outside every item: the preamble, section introductions, closing lines. */
  const outside: Paragraph[] = paragraphs.slice(0, bodyStart);
  let item: ItemDraft | undefined;
  for (const paragraph of paragraphs.slice(bodyStart)) {
    const currentSection = sections[sections.length - 1] ?? null;
    const section = currentSection?.no ?? null;
    const sectionId = currentSection?.id ?? null;
    if (paragraph.kind === 'section') {
      const newId = ids.unique(`${id}/section-${paragraph.no}`, 'section', paragraph.label, paragraph.body.starts[0]!);
      sections.push({ id: newId, no: paragraph.no, label: paragraph.label, title: paragraph.body.text.slice(paragraph.label.length) });
      item = undefined;
    } else if (isTopItem(paragraph) || (paragraph.kind === 'sub-item' && (!item || item.ownStyle === paragraph.style))) {
      // A numbered task straight under a section, in whatever style, is a task of its own.
      item = { no: paragraph.no, label: paragraph.label, section, sectionId, paragraphs: [paragraph], subItems: [], ownStyle: paragraph.style };
      drafts.push(item);
    } else if (item && paragraph.kind === 'sub-item' && (item.subStyle ?? paragraph.style) === paragraph.style) {
      item.subStyle = paragraph.style;
      item.subItems.push({ no: paragraph.no, label: paragraph.label, section: item.section, sectionId: item.sectionId, paragraphs: [paragraph], subItems: [] });
    } else if (item) {
      (item.subItems[item.subItems.length - 1] ?? item).paragraphs.push(paragraph);
    } else outside.push(paragraph);
  }
  return { sections, drafts, outside };
}

/** A trailing clause looked for once: what was found, the warnings the search gave, and under which convention. */
interface TrailingSearch {
  labelRemoved: boolean;
  firstListedLeads: boolean;
  found: FoundClause | undefined;
  warnings: ClauseWarning[];
}

/** Reads items in document order, carrying the first-listed-leads convention (列第一位的为牵头单位) from item to item. */
class ItemReader {
  private firstListedLeads = false;
  /** Whether the document declares the convention anywhere (ParsedDocument.document.firstListedLeads). */
  declared = false;
  private readonly conventionFrom: number;
  /** Each paragraph's trailing-clause search, so that deciding whether a sub-item has a clause and reading it search once. */
  private readonly searched = new Map<Paragraph, TrailingSearch>();

  constructor(
    private readonly registry: UnitRegistry,
    private readonly jurisdiction: string | undefined,
    private readonly year: number | undefined,
    outside: Paragraph[],
    private readonly warn: Warn,
  ) {
    // A convention stated outside the clauses (the preamble's 各项任务列第一位的为牵头单位, a note between
    // sections) holds from where it stands; one inside an item (a note after its clause) from that item on.
    this.conventionFrom = Math.min(...outside.filter(declaresConvention).map((p) => p.body.starts[0]!));
  }

  private context() {
    return { registry: this.registry, jurisdiction: this.jurisdiction, firstListedLeads: this.firstListedLeads };
  }

  /** Turns the convention on for a draft that stands after a declaration, or carries one in a paragraph of its own. */
  conventionReaches(draft: ItemDraft): void {
    const start = draft.paragraphs[0]!.body.starts[0]!;
    const ownNote = draft.paragraphs.some((p, index) => index > 0 && declaresConvention(p)) || draft.subItems.some((sub) => sub.paragraphs.some(declaresConvention));
    if (start >= this.conventionFrom || ownNote) this.firstListedLeads = this.declared = true;
  }

  /**
   * The trailing clause of the `index`th paragraph of an item, with the warnings its search gives. A search
   * is reused while the convention stands as it did; a clause read before the convention changed is read again.
   */
  private trailingClause(paragraph: Paragraph, index: number): TrailingSearch {
    const labelRemoved = index === 0;
    const known = this.searched.get(paragraph);
    if (known && known.labelRemoved === labelRemoved && known.firstListedLeads === this.firstListedLeads) return known;
    const warnings: ClauseWarning[] = [];
    const found = findTrailingClause(withoutLabel(paragraph, index), this.context(), warnings);
    const search = { labelRemoved, firstListedLeads: this.firstListedLeads, found, warnings };
    this.searched.set(paragraph, search);
    return search;
  }

  /** Whether a sub-item carries a clause of its own: labelled lines, or a trailing parenthetical. */
  hasOwnClause(sub: ItemDraft): boolean {
    return sub.paragraphs.some((p, i) => p.kind === 'role-line' || this.trailingClause(p, i).found !== undefined);
  }

  /** Reads the clause of one item: labelled lines after the task, else the trailing parenthetical. */
  read(draft: ItemDraft, itemId: string, label: string, parent?: string): Item {
    const clauseWarnings: ClauseWarning[] = [];
    const roleLines = draft.paragraphs.filter((p) => p.kind === 'role-line');
    /** Each paragraph's text without the item's label, sliced once: the clause search and the item text both read it. */
    const unlabelled = draft.paragraphs.map(withoutLabel);
    let kept = draft.paragraphs;
    let found: { paragraph: number; from: number; to: number; reading: ClauseReading } | undefined;
    if (roleLines.length > 0) {
      const first = draft.paragraphs.indexOf(roleLines[0]!);
      const last = draft.paragraphs.indexOf(roleLines[roleLines.length - 1]!);
      kept = draft.paragraphs.slice(0, last + 1);
      const block = joinParagraphs(kept.slice(first).map((p) => p.body));
      found = { paragraph: first, from: 0, to: block.text.length, reading: parseResponsibilityClause(block, this.context()) };
    } else {
      for (let index = draft.paragraphs.length - 1; index >= 0 && !found; index--) {
        const search = this.trailingClause(draft.paragraphs[index]!, index);
        for (const warning of search.warnings) clauseWarnings.push(warning);
        if (search.found) {
          found = { paragraph: index, ...search.found };
          // Lines after the clause (a signature, a date) close the document, not the item.
          kept = draft.paragraphs.slice(0, index + 1);
        }
      }
    }
    const bodies = unlabelled.slice(0, kept.length);
    const text = joinParagraphs(bodies);
    let clause: Clause | null = null;
    if (found) {
      const offsetInText = bodies.slice(0, found.paragraph).reduce((sum, body) => sum + body.text.length + 1, 0);
      const textStart = offsetInText + found.from;
      const textEnd = roleLines.length > 0 ? text.text.length : offsetInText + found.to;
      const { start, end } = sourceRange(text, textStart, textEnd);
      clause = { text: text.text.slice(textStart, textEnd), start, end, textStart, textEnd };
      const { reading } = found;
      if (reading.declaresFirstListedLeads) this.declared = true;
      if (reading.conventionCarriesOn) this.firstListedLeads = true;
      for (const warning of reading.warnings) clauseWarnings.push(warning); // not push(...): there may be millions
    }
    const assignments = found?.reading.assignments ?? [];
    const firstBody = bodies[0]!.text;
    const titleEnd = firstBody.indexOf('。');
    const clauseInFirst = found && found.paragraph === 0 ? found.from : firstBody.length;
    const title = firstBody.slice(0, titleEnd >= 0 ? Math.min(titleEnd, clauseInFirst) : clauseInFirst);
    const labelStart = draft.paragraphs[0]!.body.starts[0]!;
    const { places, deadlines, targets } = readCommitments(text, clause, { jurisdiction: this.jurisdiction, year: this.year });
    for (const warning of clauseWarnings) this.warn(warning, itemId);
    const at = clause?.start ?? labelStart;
    if (clause && assignments.length > 0 && !assignments.some((a) => a.role === 'lead')) {
      const unmarked = found?.reading.unmarked ? '; its units carry no role marker and are read as co-responsible' : '';
      this.warn({ code: 'no-lead', message: `item ${label} names no lead unit${unmarked}`, offset: at, params: { item: label } }, itemId);
    }
    if (assignments.length > 0 && assignments.every((a) => a.generic))
      this.warn({ code: 'generic-only', message: `item ${label} is owned only by placeholders (${assignments.map((a) => a.nameAsWritten).join('、')})`, offset: at, params: { item: label, names: assignments.map((a) => a.nameAsWritten).join('、') } }, itemId);
    // Property by property in ItemSchema's key order, without conditional spreads (`...(x ? { x } : {})`): V8 copies
    // those through its runtime, some 2 µs an item.
    const item = { id: itemId, no: draft.no, label, section: draft.section } as Item;
    if (draft.sectionId !== null) item.sectionId = draft.sectionId;
    if (parent) item.parent = parent;
    item.title = title;
    item.text = text.text;
    item.start = labelStart;
    item.end = sourceEnd(text) ?? labelStart;
    item.clause = clause;
    item.assignments = assignments;
    item.places = places;
    item.deadlines = deadlines;
    item.targets = targets;
    return item;
  }
}

const declaresConvention = (p: Paragraph) => FIRST_LISTED_LEADS.test(p.body.simplified);

/** Every draft read into items, sub-items with clauses of their own as items of their own. */
function readItems(drafts: ItemDraft[], sections: Section[], id: string, ids: IdAllocator, reader: ItemReader): Item[] {
  const items: Item[] = [];
  // District plans often number tasks 1. 2. … afresh in every section: then the section is part
  // of the id and the label (`二、1.`), and the repeated numbers are no fault.
  const restartsPerSection = drafts.some((draft, i) => i > 0 && draft.sectionId !== drafts[i - 1]!.sectionId && draft.no <= drafts[i - 1]!.no);
  const sectionLabel = (sectionId: string | null) => sections.find((section) => section.id === sectionId)?.label ?? '';
  for (const draft of drafts) {
    reader.conventionReaches(draft);
    const label = restartsPerSection ? `${sectionLabel(draft.sectionId)}${draft.label}` : draft.label;
    const wantedId = restartsPerSection && draft.sectionId !== null ? `${draft.sectionId}/item-${draft.no}` : `${id}/item-${draft.no}`;
    const itemId = ids.unique(wantedId, 'item', label, draft.paragraphs[0]!.body.starts[0]!);
    const subsWithClause = draft.subItems.filter((sub) => reader.hasOwnClause(sub));
    // Sub-items become items of their own only when they carry their own clauses; a single
    // clause after the last sub-item answers for the whole item.
    if (subsWithClause.length >= 2) {
      items.push(reader.read({ ...draft, subItems: [] }, itemId, label));
      for (const sub of draft.subItems) {
        const subLabel = `${label}${sub.label}`;
        items.push(reader.read(sub, ids.unique(`${itemId}.${sub.no}`, 'item', subLabel, sub.paragraphs[0]!.body.starts[0]!), subLabel, itemId));
      }
    } else {
      items.push(reader.read({ ...draft, paragraphs: [...draft.paragraphs, ...draft.subItems.flatMap((sub) => sub.paragraphs)] }, itemId, label));
    }
  }
  return items;
}

/** Items that are no parent and have no clause are worth a warning. */
function warnClauseless(items: Item[], warn: Warn): void {
  const parents = new Set(items.map((i) => i.parent).filter(Boolean));
  for (const it of items) {
    if (it.clause === null && !parents.has(it.id))
      warn({ code: 'item-without-clause', message: `item ${it.label} has no responsibility clause`, offset: it.start, params: { item: it.label } }, it.id);
  }
}

export function parseDocument(input: Uint8Array | string, options: ParseOptions): ParsedDocument {
  const file = options.source;
  const { sha256, source, locate, fatal } = readSource(input, file);
  const paragraphs = readParagraphs(source);
  const { isTopItem, bodyStart } = findBody(paragraphs, fatal);
  const header = readHeader(paragraphs.slice(0, bodyStart), options.sidecar);
  const id = options.id ?? options.sidecar?.id ?? documentId(file, sha256);
  const warnings = new WarningCollector();
  const warn: Warn = (warning, itemId) => warnings.add(warning, itemId);
  const jurisdiction = documentJurisdiction(options, header, paragraphs, bodyStart, warn);
  const ids = new IdAllocator(warn);
  const { sections, drafts, outside } = groupParagraphs(paragraphs, bodyStart, isTopItem, id, ids);
  const reader = new ItemReader(options.registry, jurisdiction?.code, header.year, outside, warn);
  const items = readItems(drafts, sections, id, ids, reader);
  warnClauseless(items, warn);
  // Built to ParsedDocumentSchema, key order included, and not parsed with it here: validation is the store's, once,
  // where documents enter the graph (toDocumentRecords), and the parse tests hold every output to the schema.
  // Parsing the parser's own output cost a tenth of the parse.
  return {
    document: {
      id,
      title: header.title ?? id,
      ...(header.issuer ? { issuer: header.issuer } : {}),
      ...(header.publishedAt ? { publishedAt: header.publishedAt } : {}),
      ...(header.year ? { year: header.year } : {}),
      ...(jurisdiction ? { jurisdiction } : {}),
      ...(header.viewCount !== undefined ? { viewCount: header.viewCount } : {}),
      ...(header.preamble ? { preamble: header.preamble } : {}),
      firstListedLeads: reader.declared,
      sha256,
      source: file,
    },
    sections,
    items,
    ...warnings.finish(locate, file),
  };
}
