import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { useEffect, useRef } from 'react';
import { LAYOUT_MEASURE, layoutOptions, type LayoutName } from './layouts';
import { applyFocus, patchElements } from './patchElements';
import { stylesheet } from './stylesheet';

cytoscape.use(fcose);
cytoscape.use(svg);

export interface HoverInfo {
  data: Record<string, unknown>;
  /** Position inside the container, px. */
  x: number;
  y: number;
}

interface CytoscapeViewProps {
  elements: ElementDefinition[];
  layout: LayoutName;
  focusId: string | null;
  depth: 1 | 2;
  /** Cytoscape's experimental WebGL renderer; fixed for the life of the instance (remount to change). */
  webgl: boolean;
  onNodeTap: (id: string | null) => void;
  onHover: (info: HoverInfo | null) => void;
  onReady?: (cy: Core | null) => void;
  ariaLabel: string;
}

/**
 * Runs a layout and says where it stands on the container: `data-layout="running"` until
 * `layoutstop`, then `"settled"` (what tests and the bench wait on), and records the run as a
 * performance measure. A run replaced before it stops (an animated one) never marks the view settled.
 */
function runLayout(cy: Core, options: LayoutOptions, container: HTMLElement | null): void {
  const run = cy.layout(options);
  const started = performance.now();
  container?.setAttribute('data-layout', 'running');
  run.one('layoutstop', () => {
    if (cy.scratch('_layoutRun') !== run) return;
    performance.measure(LAYOUT_MEASURE, {
      start: started,
      // The detail is structured-cloned: the JSON round trip leaves out option functions (concentric's rings).
      detail: { elements: cy.elements().length, options: JSON.parse(JSON.stringify(options)) as unknown },
    });
    container?.setAttribute('data-layout', 'settled');
  });
  cy.scratch('_layoutRun', run);
  run.run();
}

/**
 * Mounts one Cytoscape instance for the component's life, then patches elements by id and
 * reruns the layout only when the layout changes or nodes were added.
 */
export function CytoscapeView(props: CytoscapeViewProps) {
  const { elements, layout, focusId, depth, webgl, ariaLabel } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const lastLayout = useRef<LayoutName | null>(null);
  // Handlers change identity every render; the instance's listeners read the latest through a ref.
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: stylesheet,
      minZoom: 0.05,
      maxZoom: 6,
      wheelSensitivity: 0.3,
      // Stay responsive at 2,000+ elements: draw a cached bitmap while panning/zooming,
      // skip edges during interaction, and do not render at the display's full density.
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      hideLabelsOnViewport: true,
      motionBlur: false,
      pixelRatio: 1,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    cy.on('tap', (event) => {
      handlers.current.onNodeTap(event.target === cy ? null : (event.target as NodeSingular).isNode() ? event.target.id() : null);
    });
    cy.on('mouseover', 'node, edge', (event) => {
      const position = event.renderedPosition ?? { x: 0, y: 0 };
      handlers.current.onHover({ data: event.target.data() as Record<string, unknown>, x: position.x, y: position.y });
    });
    cy.on('mouseout', 'node, edge', () => handlers.current.onHover(null));
    cy.on('viewport', () => handlers.current.onHover(null));
    handlers.current.onReady?.(cy);
    return () => {
      handlers.current.onReady?.(null);
      cy.destroy();
      cyRef.current = null;
      lastLayout.current = null;
    };
  }, [webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { added } = patchElements(cy, elements);
    if (added > 0 || lastLayout.current !== layout) {
      lastLayout.current = layout;
      runLayout(cy, layoutOptions(layout, cy.elements().length), container.current);
    }
    applyFocus(cy, focusId, depth);
    // What is really drawn, for people (and end-to-end tests) to check against the response.
    container.current?.setAttribute('data-nodes', String(cy.nodes().length));
    container.current?.setAttribute('data-edges', String(cy.edges().length));
  }, [elements, layout, focusId, depth, webgl]);

  return <div ref={container} className="cy-container" role="img" aria-label={ariaLabel} tabIndex={0} />;
}
