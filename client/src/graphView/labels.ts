import type { Core, SingularElementArgument } from 'cytoscape';

/** Most labels weighed against each other; beyond it the smallest nodes go unlabelled (the check is pairwise). */
const MAX_LABELLED = 600;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Shows the labels of the most important nodes (focused, on a highlighted path, then the largest)
 * and hides any label that would overlap one already shown, so no two labels ever overlap on
 * screen. `density` (0–100) is the share of nodes, by importance, that may carry a label at all.
 * Returns how many labels are shown.
 */
export function declutterLabels(cy: Core, density: number): number {
  const rank = (node: SingularElementArgument) =>
    (node.hasClass('focused') ? 2e6 : 0) + (node.hasClass('on-path') ? 1e6 : 0) + Number(node.data('size') ?? 0);
  const nodes = cy
    .nodes()
    .filter((node) => node.visible() && !node.hasClass('faded'))
    .sort((a, b) => rank(b) - rank(a));
  const allowed = Math.min(MAX_LABELLED, Math.ceil((nodes.length * Math.max(0, Math.min(100, density))) / 100));
  const shown: Box[] = [];
  cy.batch(() => {
    cy.nodes().addClass('label-hidden');
    nodes.forEach((node, index) => {
      if (index >= allowed) return;
      // The label's box alone, on screen: overlap is what a reader sees, whatever the zoom.
      const box = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true } as never);
      if (!(box.w > 0) || shown.some((other) => overlaps(box, other))) return;
      shown.push(box);
      node.removeClass('label-hidden');
    });
  });
  return shown.length;
}
