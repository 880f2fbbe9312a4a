import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphML } from 'graphology-graphml';
import { computeNetworkMetrics, computeWorkload } from '../../graph/analytics';
import { ProvenanceSchema, toGexf, toGraphML } from '../../graph/export';
import { NOW, TRICKY } from './fixtures';

const workload = computeWorkload(TRICKY);

/** What both graph formats must carry: every unit with typed figures, every tie with its weight. */
function expectCoordinationGraph(graph: Graph, network = computeNetworkMetrics(TRICKY)) {
  expect(graph.order).toBe(network.graph.nodes);
  expect(graph.size).toBe(network.graph.edges);
  for (const node of network.nodes) {
    const attributes = graph.getNodeAttributes(node.unit.id);
    const row = workload.rows.find((r) => r.unit.id === node.unit.id)!;
    expect(attributes).toMatchObject({
      name: node.unit.name,
      kind: node.unit.kind,
      lead: row.counts.lead,
      weightedLoad: row.weightedLoad,
      overloaded: row.overloaded,
      degree: node.degree,
      coreNumber: node.coreNumber,
      community: node.community,
    });
    expect(attributes.betweenness).toBeCloseTo(node.betweenness, 12);
    expect(attributes.pagerank).toBeCloseTo(node.pagerank, 12);
    expect(attributes.eigenvector).toBeCloseTo(node.eigenvector, 12);
  }
  const tie = graph.edge('u.comma', 'u.formula')!;
  expect(graph.getEdgeAttribute(tie, 'weight')).toBe(2);
  expect(graph.getEdgeAttribute(tie, 'sharedItems')).toBe('（一）; （四）');
}

describe('GraphML read back by graphology-graphml', () => {
  const file = toGraphML(TRICKY, { now: NOW, resolution: 1.5 });

  it('declares every key with a type, for Gephi, igraph and NetworkX', () => {
    const keys = Array.from(new DOMParser().parseFromString(file.content, 'application/xml').getElementsByTagName('key'));
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(['string', 'boolean', 'int', 'double']).toContain(key.getAttribute('attr.type'));
    expect(file.mediaType).toMatch(/^application\/graphml\+xml/);
  });

  it('round-trips the coordination network with typed attributes', () => {
    const graph = parseGraphML(Graph, file.content);
    expect(graph.type).toBe('undirected');
    expectCoordinationGraph(graph, computeNetworkMetrics(TRICKY, { resolution: 1.5 }));
    expect(graph.getNodeAttribute('u.formula', 'name')).toBe('=HYPERLINK("http://x","点")');
  });

  it('records the provenance: documents with sha256, parameters, version and time', () => {
    const graph = parseGraphML(Graph, file.content);
    const provenance = ProvenanceSchema.parse(JSON.parse(graph.getAttribute('provenance') as string));
    expect(provenance).toEqual(file.provenance);
    expect(provenance.generatedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(provenance.documents[0]!.sha256).toBe(TRICKY.documents[0]!.sha256);
    expect(provenance.parameters).toMatchObject({ resolution: 1.5, seed: 42, weights: { lead: 3, co: 1 } });
    expect(provenance.software.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('GEXF read back by graphology-gexf', () => {
  const file = toGexf(TRICKY, { now: NOW });

  it('round-trips the coordination network with typed attributes and unit labels', () => {
    const graph = parseGexf(Graph, file.content);
    expectCoordinationGraph(graph);
    expect(graph.getNodeAttribute('u.plain', 'label')).toBe('省工业和信息化厅');
  });

  it('records the provenance in <meta>', () => {
    const graph = parseGexf(Graph, file.content);
    expect(graph.getAttribute('creator')).toBe(`${file.provenance.software.name} ${file.provenance.software.version}`);
    expect(JSON.parse(graph.getAttribute('description') as string)).toEqual(file.provenance);
    expect(graph.getAttribute('lastModifiedDate')).toBe('2026-03-01');
  });
});
