/**
 * The client's graph view reduced to what the layout bench measures: the client's own fCoSE
 * settings and stylesheet on the elements at /elements.json; `window.__settled` holds the time
 * from navigation start to the layout's `layoutstop`, and how much of it the layout itself took.
 * `?layout={…}` overrides layout options, to measure a candidate setting against the client's.
 */
// The client's ambient declarations for cytoscape-fcose (a script file, so it cannot be imported).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../client/src/types/cytoscape-extensions.d.ts" />
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layouts } from '../../client/src/graphView/layouts';
import { stylesheet } from '../../client/src/graphView/stylesheet';

/** What the bench reads back; typed here because the bench typechecks without the DOM library. */
export interface Settled {
  ms: number;
  layoutMs: number;
  nodes: number;
  edges: number;
}
const page = globalThis as unknown as {
  document: { getElementById(id: string): unknown };
  location: { search: string };
  __settled?: Settled;
};

cytoscape.use(fcose);

async function run() {
  const elements = (await (await fetch('/elements.json')).json()) as ElementDefinition[];
  const overrides = JSON.parse(new URLSearchParams(page.location.search).get('layout') ?? '{}') as object;
  const cy = cytoscape({ container: page.document.getElementById('cy') as never, style: stylesheet, elements });
  const layoutStart = performance.now();
  cy.one('layoutstop', () => {
    const ms = performance.now();
    page.__settled = { ms, layoutMs: ms - layoutStart, nodes: cy.nodes().length, edges: cy.edges().length };
  });
  cy.layout({ ...layouts.fcose, ...overrides }).run();
}

void run();
