/**
 * Plans of cities, districts and counties: real places from the division table, each writing its
 * own bureaus relative to itself (区财政局, 县统计局, 州发展改革局 …) and distributing its level prefix
 * over `、` lists. Their units are not in the registry: the truth is the scoped id the parser must
 * give (`cn.<code>.<function>`), derived here from the place and the bureau's function alone.
 */
import { allJurisdictions, findJurisdiction, shortNameOf } from '../../graph/jurisdiction';
import type { DocumentSidecar, Jurisdiction, UnitFunction } from '../../graph/model';
import type { ExpectedAssignment } from './clauses';
import { ongoingOpeners } from './commitments';
import { chineseNumeral, type DocumentStyle, type GeneratedDocument } from './document';
import type { Random } from './prng';
import { BODY_OBJECTS, BODY_OPENERS, BODY_PURPOSES, DOCUMENT_KINDS, ITEM_VERBS, NOUNS, SECTION_VERBS, THEMES } from './vocabulary';

/** A local government's bureaus as it writes them after its prefix, with their functions. */
export const LOCAL_BUREAUS: readonly (readonly [string, UnitFunction])[] = [
  ['发展改革局', 'development-reform'],
  ['教育局', 'education'],
  ['科技局', 'science-technology'],
  ['工业和信息化局', 'industry-it'],
  ['公安局', 'public-security'],
  ['民政局', 'civil-affairs'],
  ['司法局', 'justice'],
  ['财政局', 'finance'],
  ['人力资源社会保障局', 'human-resources-social-security'],
  ['自然资源局', 'natural-resources'],
  ['生态环境局', 'ecology-environment'],
  ['住房城乡建设局', 'housing-urban-rural'],
  ['交通运输局', 'transport'],
  ['水务局', 'water'],
  ['农业农村局', 'agriculture-rural'],
  ['商务局', 'commerce'],
  ['文化和旅游局', 'culture-tourism'],
  ['卫生健康局', 'health'],
  ['应急管理局', 'emergency'],
  ['审计局', 'audit'],
  ['市场监管局', 'market-regulation'],
  ['统计局', 'statistics'],
  ['医保局', 'healthcare-security'],
  ['政务服务数据管理局', 'government-data'],
];

/** Level endings a local plan's prefix is taken from: 佛山市 → 市, 武侯区 → 区, 延边朝鲜族自治州 → 州. */
const LEVEL_ENDING = /(市|区|县|州|盟|旗)$/;

export interface LocalPlace {
  jurisdiction: Jurisdiction;
  /** The level prefix its plans write: 市, 区, 县, 州, 盟, 旗. */
  prefix: string;
}

/**
 * `count` real prefectures and counties, outside the provinces whose codes the synthetic registry
 * borrows (so that no synthetic unit stands in their chain), spread over every level ending.
 */
export function localPlaces(random: Random, count: number, borrowed: ReadonlySet<string>): LocalPlace[] {
  const byPrefix = new Map<string, LocalPlace[]>();
  for (const jurisdiction of allJurisdictions()) {
    if (jurisdiction.level !== 'prefecture' && jurisdiction.level !== 'county') continue;
    if (borrowed.has(`${jurisdiction.code.slice(0, 2)}0000`) || borrowed.has(`${jurisdiction.code.slice(0, 4)}00`)) continue;
    // Autonomous counties' names end 自治县 but are written 县; a 县级市 writes 市 like its prefecture would.
    const prefix = LEVEL_ENDING.exec(jurisdiction.name)?.[1];
    // Names another place shares (朝阳区) cannot be detected from the title; 地区 plans write 地区, not 区.
    if (!prefix || shortNameOf(jurisdiction.name) === jurisdiction.name || jurisdiction.name.endsWith('地区')) continue;
    if (findJurisdiction(jurisdiction.name)?.code !== jurisdiction.code) continue;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { jurisdiction, prefix }]);
  }
  const prefixes = [...byPrefix.keys()].sort();
  return Array.from({ length: count }, (_, i) => random.pick(byPrefix.get(prefixes[i % prefixes.length]!)!));
}

export interface LocalDocumentContext {
  random: Random;
  place: LocalPlace;
  sequence: number;
}

/** One local plan: sections, items, one clause each; the sidecar names the place only half of the time. */
export function generateLocalDocument({ random, place, sequence }: LocalDocumentContext): GeneratedDocument {
  const { jurisdiction, prefix } = place;
  const year = random.int(2018, 2024);
  const id = `synth-local-${jurisdiction.code}-${year}-${String(sequence).padStart(5, '0')}`;
  const title = `${jurisdiction.name}${year}年${random.pick(THEMES)}${random.pick(DOCUMENT_KINDS)}`;
  const issuer = `${jurisdiction.name}人民政府办公室`;
  const firstListedLeads = random.chance(0.3);
  const style: DocumentStyle = { punctuation: 'full', pdfArtifacts: false, encoding: 'utf8' };
  const lines = [`${issuer}关于印发${title}的通知`, '', title, '', `为推动高质量发展，制定本${title.slice(-4)}。${firstListedLeads ? '各项任务排在第一位的为牵头单位。' : ''}`];
  const bureau = (entry: readonly [string, UnitFunction], role: ExpectedAssignment['role']): ExpectedAssignment => ({
    role,
    nameAsWritten: `${prefix}${entry[0]}`,
    unitId: `cn.${jurisdiction.code}.${entry[1]}`,
    generic: false,
    inferred: false,
  });
  const items: GeneratedDocument['truth']['items'] = [];
  let itemNo = 0;
  for (let s = 1; s <= random.int(2, 4); s++) {
    lines.push('', `${chineseNumeral(s)}、${random.pick(SECTION_VERBS)}${random.pick(NOUNS).replace(/建设$/, '')}`);
    for (let k = 0; k < random.int(2, 5); k++) {
      itemNo++;
      const chosen = random.shuffle(LOCAL_BUREAUS).slice(0, random.int(1, 4));
      const [lead, ...rest] = chosen;
      // The level prefix is written once and distributes over the list: 区发展改革局、财政局、统计局.
      const list = (entries: (readonly [string, UnitFunction])[]) => entries.map((e, i) => (i === 0 ? prefix : '') + e[0]).join('、');
      const listed = firstListedLeads && random.chance(0.7);
      const clause = listed ? `（${list(chosen)}）` : rest.length > 0 ? `（${list([lead!])}牵头，${list(rest)}按职责分工负责）` : `（${list([lead!])}牵头）`;
      const expected = listed
        ? chosen.map((e, i) => ({ ...bureau(e, i === 0 ? 'lead' : 'co'), inferred: i === 0 }))
        : [bureau(lead!, 'lead'), ...rest.map((e) => bureau(e, 'co'))];
      const opener = random.pick(BODY_OPENERS);
      const body = ongoingOpeners(`${opener}${random.pick(BODY_OBJECTS)}，${random.pick(BODY_PURPOSES)}。`, [opener]);
      lines.push('', `（${chineseNumeral(itemNo)}）${random.pick(ITEM_VERBS)}${random.pick(NOUNS)}。${body.text}${clause}`);
      items.push({ id: `${id}/item-${itemNo}`, label: `（${chineseNumeral(itemNo)}）`, assignments: expected, ...body.truth });
    }
  }
  const named = random.chance(0.5);
  // Half the sidecars leave the jurisdiction out, so that detection from issuer and title is exercised.
  const sidecar: DocumentSidecar = { id, title, issuer, year, ...(named ? { jurisdiction: jurisdiction.code } : {}) };
  return {
    id,
    text: `${lines.join('\n')}\n`,
    sidecar,
    truth: { documentId: id, jurisdiction: jurisdiction.code, level: jurisdiction.level, firstListedLeads, convention: firstListedLeads ? 'preamble' : null, style, items },
  };
}
