/**
 * Where and by when as files: CSV tables of the places, deadlines and targets item bodies name
 * (each row with its source offsets, so `source.slice(start, end)` finds it), and the unit–item
 * graph with the places items CONCERN as GraphML and GEXF (Gephi colours node types apart).
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { placeInfo } from '../places';
import type { ItemCommitments, Snapshot } from '../model';
import { csvFile } from './csv';
import { buildProvenance } from './provenance';
import type { CommitmentFileKind, CsvOptions, ExportFile } from './types';


export const PLACE_COLUMNS = ['documentId', 'itemId', 'itemLabel', 'code', 'name', 'level', 'within', 'mention', 'zone', 'start', 'end'] as const;
export const DEADLINE_COLUMNS = ['documentId', 'itemId', 'itemLabel', 'text', 'date', 'precision', 'start', 'end'] as const;
export const TARGET_COLUMNS = ['documentId', 'itemId', 'itemLabel', 'text', 'value', 'unit', 'comparator', 'start', 'end'] as const;

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

type Attributes = Record<string, string | number | boolean>;

/** Units, items and places as one directed graph: unit -[role]-> item -[concerns]-> place. */
function unitItemPlaceGraph(snapshot: Snapshot, commitments: ItemCommitments[]): MultiDirectedGraph<Attributes, Attributes> {
  const graph = new MultiDirectedGraph<Attributes, Attributes>();
  for (const unit of snapshot.units) graph.addNode(unit.id, { type: 'unit', label: unit.shortName, name: unit.name, kind: unit.kind, code: unit.jurisdiction });
  for (const item of snapshot.items) graph.addNode(item.id, { type: 'item', label: item.label, name: item.title, kind: 'item', code: item.documentId });
  snapshot.responsibilities.forEach((r, i) => {
    if (graph.hasNode(r.itemId)) graph.addEdgeWithKey(`r${i}`, r.unitId, r.itemId, { type: r.role, mention: r.nameAsWritten, start: r.start, end: r.end });
  });
  let concerns = 0;
  for (const item of commitments) {
    if (!graph.hasNode(item.itemId)) continue;
    for (const place of item.places) {
      if (!graph.hasNode(`place:${place.code}`))
        graph.addNode(`place:${place.code}`, { type: 'place', label: place.name, name: place.name, kind: place.level, code: place.code });
      graph.addEdgeWithKey(`c${concerns++}`, item.itemId, `place:${place.code}`, { type: 'concerns', mention: place.mention, start: place.start, end: place.end });
    }
  }
  return graph;
}

const NODE_KEYS = ['type', 'label', 'name', 'kind', 'code'] as const;
const EDGE_KEYS: ReadonlyArray<[string, 'string' | 'int']> = [['type', 'string'], ['mention', 'string'], ['start', 'int'], ['end', 'int']];

function toGraphML(graph: MultiDirectedGraph<Attributes, Attributes>, provenance: string): string {
  const data = (key: string, value: string | number | boolean) => `<data key="${key}">${escapeXml(String(value))}</data>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="provenance" for="graph" attr.name="provenance" attr.type="string"/>',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map(([k, type]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${type}"/>`),
    '  <graph id="unit-item-place" edgedefault="directed">',
    `    ${data('provenance', provenance)}`,
    ...graph.mapNodes((node, attributes) => `    <node id="${escapeXml(node)}">${NODE_KEYS.map((k) => data(`n_${k}`, attributes[k] ?? '')).join('')}</node>`),
    ...graph.mapEdges(
      (edge, attributes, source, target) =>
        `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${EDGE_KEYS.map(([k]) => data(`e_${k}`, attributes[k] ?? '')).join('')}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** One file of where and by when; `commitments` are the store's for the same scope as `snapshot`. */
export function commitmentFile(snapshot: Snapshot, commitments: ItemCommitments[], kind: CommitmentFileKind, options: CsvOptions = {}): ExportFile {
  const provenance = buildProvenance(snapshot, options);
  const inView = new Set(snapshot.items.map((item) => item.id));
  const labels = new Map(snapshot.items.map((item) => [item.id, item.label]));
  const items = commitments.filter((item) => inView.has(item.itemId));
  const lead = (item: ItemCommitments) => [item.documentId, item.itemId, labels.get(item.itemId) ?? ''];
  switch (kind) {
    case 'csv-places':
      return csvFile(kind, 'places.csv', [...PLACE_COLUMNS], items.flatMap((item) =>
        item.places.map((p) => [...lead(item), p.code, p.name, p.level, placeInfo(p.code)?.within ?? null, p.mention, p.zone ?? null, p.start, p.end]),
      ), provenance, options);
    case 'csv-deadlines':
      return csvFile(kind, 'deadlines.csv', [...DEADLINE_COLUMNS], items.flatMap((item) =>
        item.deadlines.map((d) => [...lead(item), d.text, d.date, d.precision, d.start, d.end]),
      ), provenance, options);
    case 'csv-targets':
      return csvFile(kind, 'targets.csv', [...TARGET_COLUMNS], items.flatMap((item) =>
        item.targets.map((t) => [...lead(item), t.text, t.value, t.unit, t.comparator, t.start, t.end]),
      ), provenance, options);
    case 'places-graphml':
      return {
        kind,
        fileName: 'unit-item-place.graphml',
        mediaType: 'application/graphml+xml; charset=utf-8',
        content: toGraphML(unitItemPlaceGraph(snapshot, items), JSON.stringify(provenance)),
        provenance,
      };
    case 'places-gexf': {
      const graph = unitItemPlaceGraph(snapshot, items);
      graph.replaceAttributes({ creator: `${provenance.software.name} ${provenance.software.version}`, description: JSON.stringify(provenance) });
      return { kind, fileName: 'unit-item-place.gexf', mediaType: 'application/gexf+xml; charset=utf-8', content: write(graph, { version: '1.3' }), provenance };
    }
  }
}
