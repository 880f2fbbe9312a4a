/**
 * A tiny document written by hand, independent of the parser: no sections (so items hang off
 * the document), a sub-item with a parent, an inferred lead, a generic and a provisional unit.
 * Offsets are computed from the text below, so they slice it exactly.
 */
import { createHash } from 'node:crypto';
import type { Assignment, Item, ParsedDocument, Role, Unit } from '../../graph/model';

export const HANDMADE_SOURCE = [
  '测试市工作要点',
  '（一）建设测试平台。推进平台建设。（市数据局牵头，市财政局、相关区政府按职责分工负责）',
  '（二）开展试点。',
  '1.选定试点。组织申报。（市数据局、试点办公室按职责分工负责）',
].join('\n');

const unit = (id: string, name: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => ({
  id,
  name,
  shortName: name,
  aliases: [],
  nameEn: `${id} (en)`,
  kind,
  jurisdiction: '440600',
  level: 'prefecture',
  provisional: false,
  ...extra,
});

export const HANDMADE_UNITS: Unit[] = [
  unit('test.dept.data', '测试市数据局', 'department', { shortName: '市数据局', aliases: ['数据局'] }),
  unit('test.dept.finance', '测试市财政局', 'department', { shortName: '市财政局' }),
  unit('generic.related-districts', '相关区政府', 'generic'),
  unit('provisional.试点办公室', '试点办公室', 'department', { provisional: true }),
];

function at(text: string, from = 0): { start: number; end: number } {
  const start = HANDMADE_SOURCE.indexOf(text, from);
  if (start < 0) throw new Error(`handmade fixture: ${text} not in source`);
  return { start, end: start + text.length };
}

function assignment(role: Role, name: string, unitId: string, after: number, extra: Partial<Assignment> = {}): Assignment {
  return { role, nameAsWritten: name, unitId, generic: false, inferred: false, provisional: false, ...at(name, after), ...extra };
}

function item(id: string, label: string, no: number, title: string, parent?: string): Omit<Item, 'clause' | 'assignments'> {
  const line = HANDMADE_SOURCE.split('\n').find((text) => text.includes(title)) ?? '';
  return { id, no, label, section: null, ...(parent ? { parent } : {}), title, text: line, ...at(line), places: [], deadlines: [], targets: [] };
}

function clauseOf(text: string): Item['clause'] {
  const { start, end } = at(text);
  const line = HANDMADE_SOURCE.split('\n').find((candidate) => candidate.includes(text)) ?? '';
  return { text, start, end, textStart: line.indexOf(text), textEnd: line.indexOf(text) + text.length };
}

const clause1 = '（市数据局牵头，市财政局、相关区政府按职责分工负责）';
const clause2 = '（市数据局、试点办公室按职责分工负责）';
const after2 = HANDMADE_SOURCE.indexOf(clause2);

export const HANDMADE: ParsedDocument = {
  document: {
    id: 'test-city-2025',
    title: '测试市工作要点',
    firstListedLeads: true,
    sha256: createHash('sha256').update(HANDMADE_SOURCE).digest('hex'),
    source: 'handmade',
  },
  sections: [],
  items: [
    {
      ...item('test-city-2025/item-1', '（一）', 1, '建设测试平台。'),
      clause: clauseOf(clause1),
      assignments: [
        assignment('lead', '市数据局', 'test.dept.data', 0),
        assignment('co', '市财政局', 'test.dept.finance', 0),
        assignment('co', '相关区政府', 'generic.related-districts', 0, { generic: true }),
      ],
    },
    { ...item('test-city-2025/item-2', '（二）', 2, '开展试点。'), clause: null, assignments: [] },
    {
      ...item('test-city-2025/item-2.1', '（二）1.', 1, '选定试点。', 'test-city-2025/item-2'),
      clause: clauseOf(clause2),
      assignments: [
        assignment('lead', '市数据局', 'test.dept.data', after2, { inferred: true }),
        assignment('co', '试点办公室', 'provisional.试点办公室', after2, { provisional: true }),
      ],
    },
  ],
  warnings: [],
};
