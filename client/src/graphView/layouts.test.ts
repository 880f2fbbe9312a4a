import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LARGE_GRAPH_ELEMENTS, LAYOUT_NAMES, layoutOptions, layouts } from './layouts';

cytoscape.use(fcose);

describe('layoutOptions', () => {
  it('polishes fCoSE on graphs up to the large-graph size and keeps the spectral draft above it', () => {
    expect(layoutOptions('fcose', LARGE_GRAPH_ELEMENTS)).toBe(layouts.fcose);
    expect(layoutOptions('fcose', LARGE_GRAPH_ELEMENTS + 1)).toMatchObject({ name: 'fcose', quality: 'draft' });
    expect(layoutOptions('grid', 10_000)).toBe(layouts.grid);
  });

  it.each(LAYOUT_NAMES)('%s places every node of a small graph at a distinct position', (name) => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...['a', 'b', 'c', 'd'].map((id, i) => ({ data: { id, type: 'unit', weightedLoad: i } })),
        { data: { id: 'ab', source: 'a', target: 'b' } },
        { data: { id: 'bc', source: 'b', target: 'c' } },
      ],
    });
    cy.layout(layoutOptions(name, cy.elements().length)).run();
    const positions = new Set(cy.nodes().map((node) => `${Math.round(node.position('x'))},${Math.round(node.position('y'))}`));
    expect(positions.size).toBe(4);
    cy.destroy();
  });
});
