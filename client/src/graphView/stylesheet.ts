import type { StylesheetJson } from 'cytoscape';
import { ROLE_COLOURS } from '../core/domain/vocabulary';

/**
 * The network's look, as data keyed on element data fields and classes (no `.style()` calls
 * in handlers). Node data carries `size`, `colour` and `displayName`, computed once per
 * response and language in core/network/elements.ts.
 */
export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(displayName)',
      width: 'data(size)',
      height: 'data(size)',
      'background-color': 'data(colour)',
      'border-width': 1,
      'border-color': '#ffffff',
      color: '#1b1f24',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      // Below this on-screen size (px) labels are skipped: the big speed-up for large graphs,
      // while a fitted seed-sized graph (~80 nodes) keeps its labels.
      'min-zoomed-font-size': 6,
    },
  },
  {
    selector: 'node[type = "item"]',
    style: {
      shape: 'round-rectangle',
      'background-color': '#eef1f5',
      'border-color': '#5b6675',
      'border-width': 1,
      'font-size': 10,
      color: '#3b4450',
    },
  },
  { selector: 'node[?overloaded]', style: { 'border-width': 4, 'border-color': ROLE_COLOURS.lead } },
  { selector: 'node[kind = "generic"]', style: { shape: 'diamond', 'border-style': 'dashed', 'border-color': '#5b6675' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9aa3ae',
      'curve-style': 'haystack', // the cheapest edges to draw; no arrows needed
      opacity: 0.8,
    },
  },
  // Tie weight = shared items; width grows with it (mapData needs a range, set per response).
  { selector: 'edge[type = "tie"]', style: { width: 'data(width)', 'line-color': '#7d8794', opacity: 0.7 } },
  // Lead edges stand out from co-responsible ones, which stand out from implementing ones.
  { selector: 'edge[role = "lead"]', style: { width: 4, 'line-color': ROLE_COLOURS.lead, opacity: 1 } },
  { selector: 'edge[role = "co"]', style: { width: 2.5, 'line-color': ROLE_COLOURS.co } },
  {
    selector: 'edge[role = "support"]',
    style: { width: 1.5, 'line-color': ROLE_COLOURS.support, 'line-style': 'dashed', 'curve-style': 'straight' },
  },
  {
    selector: 'edge[role = "implement"]',
    style: { width: 1.5, 'line-color': ROLE_COLOURS.implement, 'line-style': 'dotted', 'curve-style': 'straight' },
  },
  {
    selector: 'edge[role = "guide"]',
    style: { width: 1.5, 'line-color': ROLE_COLOURS.guide, 'line-style': 'dashed', 'curve-style': 'straight' },
  },
  { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'curve-style': 'straight' } },
  { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
  {
    selector: 'node.focused',
    style: { 'border-width': 5, 'border-color': '#111827', 'font-weight': 'bold', 'z-index': 10 },
  },
  { selector: 'node:selected', style: { 'overlay-color': '#1f5fae', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  // A shortest path: its nodes ringed and its edges thick, over everything else.
  { selector: 'node.on-path', style: { 'border-width': 5, 'border-color': '#d97706', 'z-index': 20 } },
  { selector: 'edge.on-path', style: { width: 6, 'line-color': '#d97706', opacity: 1, 'z-index': 20 } },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#111827' } },
  // Labels that would overlap a more important one (graphView/labels.ts); kept laid out, so their boxes can be weighed.
  { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
];
