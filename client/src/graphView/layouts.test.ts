import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LARGE_GRAPH_ELEMENTS, LAYOUT_NAMES, layoutOptions, layouts } from './layouts';

cytoscape.use(fcose);

describe('layoutOptions', () => {
  it('polishes fCoSE fully up to the large-graph size and starts a bounded polish above it', () => {
    expect(layoutOptions('fcose', LARGE_GRAPH_ELEMENTS)).toBe(layouts.fcose);
    expect(layoutOptions('fcose', LARGE_GRAPH_ELEMENTS + 1)).toMatchObject({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      initialEnergyOnIncremental: 0.05,
    });
    expect(layoutOptions('grid', 10_000)).toBe(layouts.grid);
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
