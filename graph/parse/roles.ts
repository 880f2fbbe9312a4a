import type { Role } from '../model';

/**
 * Role markers that close a run of units: in 省工业和信息化厅牵头,省税务局、通信管理局按职责分工负责 a marker
 * gives its role to every unit since the previous marker, across commas too. In their simplified form; traditional text is simplified before matching. Longest first, so that
 * 按职责分工负责 wins over 负责 and 负责落实 over 落实.
 */
const MARKERS: readonly (readonly [string, Role])[] = (
  [
    ['牵头负责', 'lead'],
    ['负责牵头', 'lead'],
    ['牵头落实', 'lead'],
    ['牵头', 'lead'],
    ['按职责分工负责', 'co'],
    ['按职能分工负责', 'co'],
    ['按职责负责', 'co'],
    ['分工负责', 'co'],
    ['共同负责', 'co'],
    ['分别负责', 'co'],
    ['负责', 'co'],
    ['配合', 'support'],
    ['参与', 'support'],
    ['协助', 'support'],
    ['支持', 'support'],
    ['协同', 'support'],
    ['按职责分工落实', 'implement'],
    ['结合实际落实', 'implement'],
    ['抓好落实', 'implement'],
    ['组织落实', 'implement'],
    ['具体落实', 'implement'],
    ['负责落实', 'implement'],
    ['贯彻落实', 'implement'],
    ['组织实施', 'implement'],
    ['落实', 'implement'],
    ['指导', 'guide'],
    ['督促', 'guide'],
    ['督导', 'guide'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);

/** MARKERS by their last code unit, longest first still: a run ending otherwise (most do) tries none. */
const MARKERS_BY_LAST = new Map<number, (typeof MARKERS)[number][]>();
for (const entry of MARKERS) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  MARKERS_BY_LAST.set(last, [...(MARKERS_BY_LAST.get(last) ?? []), entry]);
}

/** The role marker a run ends with, if any (on simplified text). */
export function trailingRoleMarker(simplified: string): { marker: string; role: Role } | undefined {
  const found = MARKERS_BY_LAST.get(simplified.charCodeAt(simplified.length - 1))?.find(([marker]) => simplified.endsWith(marker));
  return found && { marker: found[0], role: found[1] };
}

/** Labels of the labelled layout: （牵头单位：…；配合单位：…）, or on lines of their own. */
const LABEL_ROLES: Record<string, Role> = {
  牵头: 'lead',
  主办: 'lead',
  责任: 'co',
  主责: 'co',
  配合: 'support',
  协办: 'support',
  参与: 'support',
  支持: 'support',
  协助: 'support',
  实施: 'implement',
  落实: 'implement',
  指导: 'guide',
  督办: 'guide',
};
export const ROLE_LABEL = new RegExp(`(${Object.keys(LABEL_ROLES).join('|')})(?:单位|部门)\\s*[:：]`, 'g');

export function labelRole(label: string): Role {
  return LABEL_ROLES[label]!;
}

/**
 * The first-listed-leads convention in its usual phrasings: 列第一位的/者, 排在第一位的, 排名第一的,
 * 排在首位的, 第一个, 首位 … 为牵头单位, with or without 下同. Group 1 is set when it carries on to
 * later clauses (下同). Every part is a fixed word or an optional one: the pattern is linear.
 */
export const FIRST_LISTED_LEADS =
  /(?:各项任务|以上任务|上述任务|任务)?(?:中)?(?:(?:列|排|排名|排列|位列)(?:在)?(?:第一位|第一个|首位|第一)|第一个|首位|第一位|第一)(?:的|者)?(?:单位|部门)?(?:为|是|作为)牵头(?:单位|部门)?(?:[，,]?\s*(下同|以下同|后同|下文同))?/;
