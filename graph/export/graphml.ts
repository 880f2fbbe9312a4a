/**
 * GraphML of the coordination network. graphology-graphml only parses, so the writer is here:
 * a flat document with every key declared with attr.type (Gephi, igraph, NetworkX and
 * graphology-graphml all read it, the tests check the last one), and the provenance as graph data.
 */
import type { Snapshot } from '../model';
import { analyse, type Analysis } from './analysis';
import type { ExportFile, ExportOptions } from './types';
import { joinItems, unitAttributesIn, type AttributeType } from './unitAttributes';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: AttributeType;
}

const key = (k: Key) =>
  `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`;
const data = (id: string, value: string | number | boolean) => `<data key="${id}">${escapeXml(String(value))}</data>`;

export function toGraphML(snapshot: Snapshot, options: ExportOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const nodeKeys = unitAttributesIn('graph').map((a, i) => ({ ...a, id: `n${i}` }));
  const keys: Key[] = [
    { id: 'provenance', for: 'graph', name: 'provenance', type: 'string' },
    ...nodeKeys.map((a) => ({ id: a.id, for: 'node' as const, name: a.name, type: a.type })),
    { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
    { id: 'sharedItemCount', for: 'edge', name: 'sharedItemCount', type: 'int' },
    { id: 'sharedItems', for: 'edge', name: 'sharedItems', type: 'string' },
  ];
  const nodes = analysis.units.map(
    (u) => `    <node id="${escapeXml(u.unit.id)}">${nodeKeys.map((a) => data(a.id, a.value(u))).join('')}</node>`,
  );
  const edges = analysis.graph.mapEdges(
    (edgeKey, tie, source, target) =>
      `    <edge id="${escapeXml(edgeKey)}" source="${escapeXml(source)}" target="${escapeXml(target)}">` +
      `${data('weight', tie.weight)}${data('sharedItemCount', tie.sharedItemCount)}${data('sharedItems', joinItems(tie.sharedItems))}</edge>`,
  );
  const content = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(key),
    '  <graph id="coordination" edgedefault="undirected">',
    `    ${data('provenance', JSON.stringify(analysis.provenance))}`,
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
  return { kind: 'graphml', fileName: 'coordination.graphml', mediaType: 'application/graphml+xml; charset=utf-8', content, provenance: analysis.provenance };
}
