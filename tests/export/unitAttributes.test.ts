/**
 * The one table of a unit's attributes (graph/export/unitAttributes.ts) and the outputs drawn from it: the
 * published column lists stay as they were, each output carries its rows with values its declared type holds,
 * and the Cytoscape writer and its derived schema agree key for key.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { toCytoscape, toGraphML, toNodesCsv, UnitElementDataSchema } from '../../graph/export';
import { analyse } from '../../graph/export/analysis';
import { UNIT_ATTRIBUTES, unitAttributesIn } from '../../graph/export/unitAttributes';
import { NOW, TRICKY } from './fixtures';

const METRICS = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'coreNumber', 'community'];
const WORKLOAD = ['lead', 'co', 'support', 'implement', 'guide', 'weightedLoad', 'overloaded'];

describe('the unit attribute table', () => {
  it('names each attribute once, with a label and a description in both languages', () => {
    expect(new Set(UNIT_ATTRIBUTES.map((a) => a.name)).size).toBe(UNIT_ATTRIBUTES.length);
    for (const { label, description } of UNIT_ATTRIBUTES) {
      for (const words of [label, description]) expect(words.zh.length * words.en.length).toBeGreaterThan(0);
    }
  });

  it('keeps the published layouts: nodes CSV columns, GraphML/GEXF keys, Cytoscape unit data keys', () => {
    const header = toNodesCsv(TRICKY, { now: NOW }).content.split('\r\n')[0]!.split(',');
    expect(header).toEqual(['id', 'name', 'nameEn', 'kind', ...WORKLOAD, ...METRICS]);
    const graphml = toGraphML(TRICKY, { now: NOW }).content;
    const nodeKeys = [...graphml.matchAll(/<key id="n\d+" for="node" attr.name="(\w+)" attr.type="(\w+)"\/>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(nodeKeys).toEqual([
      'name:string', 'shortName:string', 'nameEn:string', 'kind:string', 'provisional:boolean',
      'lead:int', 'co:int', 'support:int', 'implement:int', 'guide:int', 'weightedLoad:double', 'overloaded:boolean',
      'degree:int', 'weightedDegree:double', 'betweenness:double', 'closeness:double', 'eigenvector:double', 'pagerank:double',
      'coreNumber:int', 'community:int',
    ]);
    expect(Object.keys(UnitElementDataSchema.shape)).toEqual([
      'id', 'type', 'label', 'name', 'nameEn', 'kind', 'jurisdiction', 'level', 'function', 'provisional', ...WORKLOAD, ...METRICS,
    ]);
  });

  it('gives every unit of every output a value its declared type holds', () => {
    const { units } = analyse(TRICKY, { includeGeneric: true });
    expect(units.length).toBeGreaterThan(3);
    const holds = { string: (v: unknown) => typeof v === 'string', boolean: (v: unknown) => typeof v === 'boolean', int: Number.isInteger, double: Number.isFinite };
    for (const u of units) {
      for (const a of UNIT_ATTRIBUTES) {
        const value = a.value(u);
        expect({ attribute: a.name, holds: (value === null && a.nullable === true) || holds[a.type](value) }).toEqual({ attribute: a.name, holds: true });
      }
    }
  });

  it('writes the CSV rows and the Cytoscape unit data from the same getters, in the schema key order', () => {
    const rows = parseCsv(toNodesCsv(TRICKY, { now: NOW }).content, { columns: true }) as Record<string, string>[];
    const { units } = analyse(TRICKY);
    expect(rows.map((row) => row.id)).toEqual(units.map((u) => u.unit.id));
    for (const [index, u] of units.entries()) {
      // A cell a spreadsheet would run as a formula carries a leading apostrophe (csv.ts).
      const cell = (name: string) => rows[index]![name]!.replace(/^'(?=[=+\-@\t\r])/, '');
      for (const a of unitAttributesIn('csv')) expect([a.name, cell(a.name)]).toEqual([a.name, String(a.value(u))]);
    }
    const unitData = toCytoscape(TRICKY, { now: NOW }).elements.nodes.map((n) => n.data);
    for (const data of unitData) {
      expect(Object.keys(data)).toEqual(Object.keys(UnitElementDataSchema.shape));
      expect(UnitElementDataSchema.strict().parse(data)).toEqual(data);
    }
  });
});
