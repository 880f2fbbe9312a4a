import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { useEffect, useRef } from 'react';
import { LAYOUT_MEASURE, layoutOptions, type LayoutName } from './layouts';
import { declutterLabels } from './labels';
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

export type Positions = Record<string, { x: number; y: number }>;

interface CytoscapeViewProps {
  elements: ElementDefinition[];
  layout: LayoutName;
  /** Positions to draw at instead of laying out (a saved view); nodes without one are laid out around them. */
  positions?: Positions | null;
  focusId: string | null;
  depth: 1 | 2;
  /** Nodes that stay where they are put (layouts and drags leave them). */
  pinned: readonly string[];
  /** Elements drawn highlighted (a shortest path). */
  highlight: readonly string[];
  /** Share of nodes, by importance, that may carry a label (labels never overlap). */
  labelDensity: number;
  /** Cytoscape's experimental WebGL renderer; fixed for the life of the instance (remount to change). */
  webgl: boolean;
  /** A tap on a node (null: the background); `additive` with Shift, to add it to the selection. */
  onNodeTap: (id: string | null, additive: boolean) => void;
  /** The selected nodes (Shift-click, Shift-drag box), whenever they change. */
  onSelect?: (ids: string[]) => void;
  onHover: (info: HoverInfo | null) => void;
  onReady?: (cy: Core | null) => void;
  ariaLabel: string;
}

/** Wait this long after the view stops moving before labels are weighed again (ms). */
const DECLUTTER_DELAY_MS = 120;

/**
 * Runs a layout and says where it stands on the container: `data-layout="running"` until
 * `layoutstop`, then `"settled"` (what tests and the bench wait on), and records the run as a
 * performance measure. A run replaced before it stops (an animated one) never marks the view settled.
 */
function runLayout(cy: Core, options: LayoutOptions, container: HTMLElement | null, settled: () => void): void {
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
    settled();
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
  const { elements, layout, positions, focusId, depth, pinned, highlight, labelDensity, webgl, ariaLabel } = props;
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
      // Shift-click adds to the selection; Shift-drag on the background draws a selection box.
      boxSelectionEnabled: true,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    cy.on('tap', (event) => {
      const additive = Boolean((event.originalEvent as MouseEvent | undefined)?.shiftKey);
      // A plain tap focuses and leaves nothing selected (after Cytoscape's own tap selection); Shift adds to the selection.
      if (!additive) setTimeout(() => !cy.destroyed() && cy.nodes(':selected').unselect(), 0);
      handlers.current.onNodeTap(event.target === cy ? null : (event.target as NodeSingular).isNode() ? event.target.id() : null, additive);
    });
    const reportSelection = () => handlers.current.onSelect?.(cy.nodes(':selected').map((node) => node.id()));
    cy.on('select unselect', 'node', reportSelection);
    let declutterTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(declutterTimer);
      declutterTimer = setTimeout(() => declutter(cy), DECLUTTER_DELAY_MS);
    });
    cy.on('mouseover', 'node, edge', (event) => {
      const position = event.renderedPosition ?? { x: 0, y: 0 };
      handlers.current.onHover({ data: event.target.data() as Record<string, unknown>, x: position.x, y: position.y });
    });
    cy.on('mouseout', 'node, edge', () => handlers.current.onHover(null));
    cy.on('viewport', () => handlers.current.onHover(null));
    handlers.current.onReady?.(cy);
    return () => {
      clearTimeout(declutterTimer);
      handlers.current.onReady?.(null);
      cy.destroy();
      cyRef.current = null;
      lastLayout.current = null;
    };
  }, [webgl]);

  const declutter = (cy: Core) => {
    const shown = declutterLabels(cy, handlers.current.labelDensity);
    container.current?.setAttribute('data-labels', String(shown));
  };

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { added } = patchElements(cy, elements);
    const lastPositions = cy.scratch('_positions') as Positions | null | undefined;
    if (added > 0 || lastLayout.current !== layout || (positions && positions !== lastPositions)) {
      lastLayout.current = layout;
      cy.scratch('_positions', positions ?? null);
      const options = positions
        ? ({ name: 'preset', positions: (node: NodeSingular) => positions[node.id()], fit: true, padding: 30, animate: false } as LayoutOptions)
        : layoutOptions(layout, cy.elements().length);
      // Pinned nodes keep their place through a new layout.
      cy.nodes().unlock();
      cy.nodes().filter((node) => pinned.includes(node.id())).lock();
      runLayout(cy, options, container.current, () => declutter(cy));
    }
    // What is really drawn, for people (and end-to-end tests) to check against the response.
    container.current?.setAttribute('data-nodes', String(cy.nodes().length));
    container.current?.setAttribute('data-edges', String(cy.edges().length));
  }, [elements, layout, positions, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().unlock().removeClass('pinned');
      cy.nodes().filter((node) => pinned.includes(node.id())).lock().addClass('pinned');
    });
  }, [pinned, elements, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const focused = applyFocus(cy, focusId, depth);
    cy.batch(() => {
      cy.elements().removeClass('on-path');
      for (const id of highlight) cy.getElementById(id).addClass('on-path');
    });
    // Focusing zooms to the neighbourhood (not only fades the rest); a path is brought into view whole.
    const target = focused ? cy.elements().not('.faded') : highlight.length > 0 ? cy.elements('.on-path') : null;
    if (target && target.nonempty() && container.current?.getAttribute('data-layout') === 'settled') {
      cy.stop();
      cy.animate({ fit: { eles: target, padding: 60 }, duration: 250, complete: () => declutter(cy) } as never);
    } else {
      declutter(cy);
    }
  }, [elements, focusId, depth, highlight, labelDensity, webgl]);

  return <div ref={container} className="cy-container" role="img" aria-label={ariaLabel} tabIndex={0} />;
}
