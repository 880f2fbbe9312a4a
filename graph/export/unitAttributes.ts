/**
 * The attributes a unit node carries in GraphML and GEXF, with their declared types, so Gephi,
 * igraph and NetworkX read numbers as numbers.
 */
import type { UnitRow } from './analysis';

export type AttributeType = 'string' | 'boolean' | 'int' | 'double';
type Value = string | number | boolean;

export const NODE_ATTRIBUTES: { name: string; type: AttributeType; value: (u: UnitRow) => Value }[] = [
  { name: 'name', type: 'string', value: (u) => u.unit.name },
  { name: 'shortName', type: 'string', value: (u) => u.unit.shortName },
  { name: 'nameEn', type: 'string', value: (u) => u.unit.nameEn ?? '' },
  { name: 'kind', type: 'string', value: (u) => u.unit.kind },
  { name: 'provisional', type: 'boolean', value: (u) => u.unit.provisional },
  { name: 'lead', type: 'int', value: (u) => u.counts.lead },
  { name: 'co', type: 'int', value: (u) => u.counts.co },
  { name: 'support', type: 'int', value: (u) => u.counts.support },
  { name: 'implement', type: 'int', value: (u) => u.counts.implement },
  { name: 'guide', type: 'int', value: (u) => u.counts.guide },
  { name: 'weightedLoad', type: 'double', value: (u) => u.weightedLoad },
  { name: 'overloaded', type: 'boolean', value: (u) => u.overloaded },
  { name: 'degree', type: 'int', value: (u) => u.degree },
  { name: 'weightedDegree', type: 'double', value: (u) => u.weightedDegree },
  { name: 'betweenness', type: 'double', value: (u) => u.betweenness },
  { name: 'closeness', type: 'double', value: (u) => u.closeness },
  { name: 'eigenvector', type: 'double', value: (u) => u.eigenvector },
  { name: 'pagerank', type: 'double', value: (u) => u.pagerank },
  { name: 'coreNumber', type: 'int', value: (u) => u.coreNumber },
  { name: 'community', type: 'int', value: (u) => u.community },
];

/** Item labels joined for formats without list values. */
export const joinItems = (labels: string[]): string => labels.join('; ');
