import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LARGE_GRAPH_ELEMENTS, LAYOUT_NAMES, layoutOptions } from './layouts';

cytoscape.use(fcose);

describe('layoutOptions', () => {
  it('polishes fCoSE fully up to 1,000 elements and starts a cool, wide, bounded polish above it', () => {
    const full = layoutOptions('fcose', 1000) as unknown as Record<string, unknown>;
    expect(full).toMatchObject({ name: 'fcose', randomize: true, animate: false, nodeSeparation: 90, numIter: 2500 });
    // fCoSE's own default initial energy (0.3) when the option is not set.
    expect(full).not.toHaveProperty('initialEnergyOnIncremental');
    expect(layoutOptions('fcose', 1001)).toMatchObject({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      initialEnergyOnIncremental: 0.05,
      nodeSeparation: 400,
    });
    // The other layouts take no account of size.
    expect(layoutOptions('grid', 10_000)).toMatchObject({ name: 'grid', avoidOverlap: true });
    expect(layoutOptions('concentric', 10_000)).toMatchObject({ name: 'concentric', minNodeSpacing: 20 });
  });

  const SMALL = 6; // elements in the graph below
  it.each([
    ...LAYOUT_NAMES.map((name) => [name, SMALL] as const),
    ['fcose', LARGE_GRAPH_ELEMENTS + 1] as const, // the large-graph settings, run on the small graph
  ])('%s (settings for %i elements) places every node of a small graph at a distinct position', (name, settingsFor) => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...['a', 'b', 'c', 'd'].map((id, i) => ({ data: { id, type: 'unit', weightedLoad: i } })),
        { data: { id: 'ab', source: 'a', target: 'b' } },
        { data: { id: 'bc', source: 'b', target: 'c' } },
      ],
    });
    expect(cy.elements().length).toBe(SMALL);
    cy.layout(layoutOptions(name, settingsFor)).run();
    const positions = new Set(cy.nodes().map((node) => `${Math.round(node.position('x'))},${Math.round(node.position('y'))}`));
    expect(positions.size).toBe(4);
    cy.destroy();
  });
});
