// The layout and export extensions ship without type declarations; they are registered with
// cytoscape.use() and add `cy.svg()`.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}

declare namespace cytoscape {
  interface Core {
    /** From cytoscape-svg: the current graph as an SVG document. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
