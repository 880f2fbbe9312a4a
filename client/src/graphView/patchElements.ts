import type { Core, ElementDefinition } from 'cytoscape';

export interface PatchResult {
  added: number;
  removed: number;
  updated: number;
}

const sameData = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings `cy` to `next` by element id, inside one batch: removes what is gone, adds what is
 * new, and replaces data that changed (a language switch changes labels only). Positions of
 * kept nodes survive, so the layout need not run again unless something was added.
 */
export function patchElements(cy: Core, next: ElementDefinition[]): PatchResult {
  const result: PatchResult = { added: 0, removed: 0, updated: 0 };
  const wanted = new Map<string, ElementDefinition>();
  for (const element of next) {
    if (element.data.id !== undefined) wanted.set(element.data.id, element);
  }
  cy.batch(() => {
    const gone = cy.elements().filter((element) => !wanted.has(element.id()));
    result.removed = gone.length;
    cy.remove(gone);

    const toAdd: ElementDefinition[] = [];
    for (const [id, element] of wanted) {
      const existing = cy.getElementById(id);
      if (existing.empty()) {
        toAdd.push(element);
      } else if (!sameData(existing.data() as Record<string, unknown>, element.data as Record<string, unknown>)) {
        existing.data(element.data);
        result.updated += 1;
      }
    }
    // Nodes before edges, so every edge finds its ends.
    toAdd.sort((a, b) => Number(a.group === 'edges') - Number(b.group === 'edges'));
    cy.add(toAdd);
    result.added = toAdd.length;
  });
  return result;
}

/** Fades everything but `focusId` and its neighbourhood up to `depth` hops; null clears. */
export function applyFocus(cy: Core, focusId: string | null, depth: 1 | 2): boolean {
  const node = focusId ? cy.getElementById(focusId) : null;
  cy.batch(() => {
    cy.elements().removeClass('faded focused');
    if (!node || node.empty()) return;
    let neighbourhood = node.closedNeighborhood();
    if (depth === 2) neighbourhood = neighbourhood.closedNeighborhood();
    cy.elements().not(neighbourhood).addClass('faded');
    node.addClass('focused');
  });
  return Boolean(node && node.nonempty());
}
