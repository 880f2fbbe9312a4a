import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { applyFocus, patchElements } from './patchElements';

const node = (id: string, extra: Record<string, unknown> = {}): ElementDefinition => ({ group: 'nodes', data: { id, ...extra } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target },
});

describe('patchElements', () => {
  let cy: Core;
  beforeEach(() => {
    cy = cytoscape({ headless: true });
  });
  afterEach(() => cy.destroy());

  it('adds everything into an empty graph, edges after their nodes', () => {
    const result = patchElements(cy, [edge('a-b', 'a', 'b'), node('a'), node('b')]);
    expect(result).toEqual({ added: 3, removed: 0, updated: 0 });
    expect(cy.nodes().length).toBe(2);
    expect(cy.edges().length).toBe(1);
  });

  it('removes what is gone, adds what is new and keeps the positions of the rest', () => {
    patchElements(cy, [node('a'), node('b'), edge('a-b', 'a', 'b')]);
    cy.getElementById('a').position({ x: 10, y: 20 });
    const result = patchElements(cy, [node('a'), node('c'), edge('a-c', 'a', 'c')]);
    expect(result).toEqual({ added: 2, removed: 2, updated: 0 });
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(['a', 'c']);
    expect(cy.getElementById('a').position()).toEqual({ x: 10, y: 20 });
  });

  it('replaces changed data in place (a language switch relabels without adding)', () => {
    patchElements(cy, [node('a', { displayName: '省科技厅' })]);
    const result = patchElements(cy, [node('a', { displayName: 'Department of Science and Technology' })]);
    expect(result).toEqual({ added: 0, removed: 0, updated: 1 });
    expect(cy.getElementById('a').data('displayName')).toBe('Department of Science and Technology');
  });

  it('does nothing when nothing changed', () => {
    patchElements(cy, [node('a', { size: 3 }), node('b'), edge('a-b', 'a', 'b')]);
    expect(patchElements(cy, [node('a', { size: 3 }), node('b'), edge('a-b', 'a', 'b')])).toEqual({
      added: 0,
      removed: 0,
      updated: 0,
    });
  });
});

describe('applyFocus', () => {
  let cy: Core;
  beforeEach(() => {
    // a - b - c - d: one hop from b reaches a and c; two hops reach d as well.
    cy = cytoscape({ headless: true });
    patchElements(cy, [node('a'), node('b'), node('c'), node('d'), edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('cd', 'c', 'd')]);
  });
  afterEach(() => cy.destroy());

  const faded = () => cy.nodes('.faded').map((n) => n.id()).sort();

  it('fades everything beyond one hop', () => {
    expect(applyFocus(cy, 'b', 1)).toBe(true);
    expect(faded()).toEqual(['d']);
    expect(cy.getElementById('cd').hasClass('faded')).toBe(true);
    expect(cy.getElementById('b').hasClass('focused')).toBe(true);
  });

  it('keeps two hops when asked', () => {
    applyFocus(cy, 'a', 2);
    expect(faded()).toEqual(['d']);
    applyFocus(cy, 'a', 1);
    expect(faded()).toEqual(['c', 'd']);
  });

  it('clears the focus, also for an id that is not drawn', () => {
    applyFocus(cy, 'b', 1);
    expect(applyFocus(cy, 'missing', 1)).toBe(false);
    expect(cy.elements('.faded, .focused').length).toBe(0);
  });
});
