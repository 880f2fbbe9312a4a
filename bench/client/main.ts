/**
 * The client's graph view reduced to what the layout bench measures: the client's own fCoSE
 * settings and stylesheet on the elements at /elements.json; `window.__settled` holds the time
 * from navigation start to the layout's `layoutstop`.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layouts } from '../../client/src/graphView/layouts';
import { stylesheet } from '../../client/src/graphView/stylesheet';

declare global {
  interface Window {
    __settled?: { ms: number; nodes: number; edges: number };
  }
}

cytoscape.use(fcose);

async function run() {
  const elements = (await (await fetch('/elements.json')).json()) as ElementDefinition[];
  const cy = cytoscape({ container: document.getElementById('cy'), style: stylesheet, elements });
  cy.one('layoutstop', () => {
    window.__settled = { ms: performance.now(), nodes: cy.nodes().length, edges: cy.edges().length };
  });
  cy.layout(layouts.fcose).run();
}

void run();
