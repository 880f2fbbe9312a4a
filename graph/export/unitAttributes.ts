/**
 * The one table of a unit node's attributes. Each row says, once: the attribute's name (the CSV column, the
 * GraphML/GEXF attribute and the Cytoscape data key alike), its declared type (GraphML attr.type, GEXF type, so
 * Gephi, igraph and NetworkX read numbers as numbers) with the enum its strings come from and whether it may be
 * null (enough for types.ts to derive its zod schema), how to read it from the analysis row, its label and
 * description in Chinese and English, and the outputs that carry it. The nodes CSV, the GraphML and GEXF keys,
 * the Cytoscape unit element and its schema, and the client's metric list and labels are all drawn from it.
 * Type imports only: the client bundles it without zod or anything Node-only.
 */
import type { NodeMetrics, WorkloadRow } from '../analytics/types';
import type { JurisdictionLevel, UnitFunction, UnitKind } from '../model';

/** One row per unit of the coordination network: its workload joined with its network metrics. */
export type UnitRow = WorkloadRow & Omit<NodeMetrics, 'unit'>;

export type AttributeType = 'string' | 'boolean' | 'int' | 'double';
interface ValueOfType {
  string: string;
  boolean: boolean;
  int: number;
  double: number;
}

/** The enums a string attribute may take its values from (their schemas are in graph/model). */
export interface AttributeEnums {
  unitKind: UnitKind;
  jurisdictionLevel: JurisdictionLevel;
  unitFunction: UnitFunction;
}

/** csv: the nodes CSV; graph: the coordination network's GraphML and GEXF; cytoscape: the unit element's data. */
export type UnitAttributeOutput = 'csv' | 'graph' | 'cytoscape';

/** identity: who the unit is; workload: what it holds; network: its measures in the coordination network. */
export type UnitAttributeGroup = 'identity' | 'workload' | 'network';

export interface Words {
  zh: string;
  en: string;
}

/** What a row's value is: its type's, or its enum's, or null too. */
export type AttributeValue<T extends AttributeType, E extends keyof AttributeEnums | undefined, Nullable extends boolean> =
  | (E extends keyof AttributeEnums ? AttributeEnums[E] : ValueOfType[T])
  | (Nullable extends true ? null : never);

interface Definition<
  N extends string,
  T extends AttributeType,
  E extends keyof AttributeEnums | undefined,
  Nullable extends boolean,
  O extends readonly UnitAttributeOutput[],
  G extends UnitAttributeGroup,
> {
  name: N;
  type: T;
  /** The enum a string takes its values from. */
  values?: E;
  nullable?: Nullable;
  group: G;
  outputs: O;
  value: (u: UnitRow) => AttributeValue<T, E, Nullable>;
  label: Words;
  description: Words;
}

/** A row of the table, with the literal types the derived types need. */
const attribute = <
  const N extends string,
  const T extends AttributeType,
  const O extends readonly UnitAttributeOutput[],
  const G extends UnitAttributeGroup,
  const E extends keyof AttributeEnums | undefined = undefined,
  const Nullable extends boolean = false,
>(
  definition: Definition<N, T, E, Nullable, O, G>,
) => definition;

const ALL = ['csv', 'graph', 'cytoscape'] as const;

/** The table. Its order is every output's order: each writes the rows that name it, in this order. */
export const UNIT_ATTRIBUTES = [
  attribute({
    name: 'id', type: 'string', group: 'identity', outputs: ['csv'], value: (u) => u.unit.id,
    label: { zh: '单位标识', en: 'Unit id' },
    description: { zh: '单位名录中的标识（未登记单位为临时标识）。', en: 'The unit registry id (a provisional id for a unit the registry does not know).' },
  }),
  attribute({
    name: 'name', type: 'string', group: 'identity', outputs: ALL, value: (u) => u.unit.name,
    label: { zh: '全称', en: 'Name' },
    description: { zh: '单位名录中的全称。', en: 'The full name in the unit registry.' },
  }),
  attribute({
    name: 'shortName', type: 'string', group: 'identity', outputs: ['graph'], value: (u) => u.unit.shortName,
    label: { zh: '简称', en: 'Short name' },
    description: { zh: '文件中常写的简称。', en: 'The short name as documents write it.' },
  }),
  attribute({
    name: 'nameEn', type: 'string', group: 'identity', outputs: ALL, value: (u) => u.unit.nameEn ?? '',
    label: { zh: '英文名称', en: 'English name' },
    description: { zh: '英文名称；未知时为空。', en: 'The English name; empty when unknown.' },
  }),
  attribute({
    name: 'kind', type: 'string', values: 'unitKind', group: 'identity', outputs: ALL, value: (u) => u.unit.kind,
    label: { zh: '单位类型', en: 'Unit kind' },
    description: { zh: '政府部门、党委机关、中央驻地方单位、下级政府或泛指主体。', en: 'Department, Party organ, central agency branch, lower-level government or generic placeholder.' },
  }),
  attribute({
    name: 'jurisdiction', type: 'string', group: 'identity', outputs: ['cytoscape'], value: (u) => u.unit.jurisdiction,
    label: { zh: '地区', en: 'Jurisdiction' },
    description: { zh: '单位所属政府的 GB/T 2260 代码。', en: "The GB/T 2260 code of the unit's government." },
  }),
  attribute({
    name: 'level', type: 'string', values: 'jurisdictionLevel', nullable: true, group: 'identity', outputs: ['cytoscape'], value: (u) => u.unit.level ?? null,
    label: { zh: '行政级别', en: 'Level' },
    description: { zh: '单位所属政府的级别；未知时为 null。', en: "The level of the unit's government; null when unknown." },
  }),
  attribute({
    name: 'function', type: 'string', values: 'unitFunction', nullable: true, group: 'identity', outputs: ['cytoscape'], value: (u) => u.unit.function ?? null,
    label: { zh: '职能', en: 'Function' },
    description: { zh: '各级政府共有的部门类型（如财政）；名称看不出时为 null。', en: 'The department type every government shares (finance, …); null when the name says none.' },
  }),
  attribute({
    name: 'provisional', type: 'boolean', group: 'identity', outputs: ['graph', 'cytoscape'], value: (u) => u.unit.provisional,
    label: { zh: '未登记', en: 'Unregistered' },
    description: { zh: '单位名录中没有这个名称，由临时单位代替。', en: 'The unit registry does not know this name; a provisional unit stands in for it.' },
  }),
  attribute({
    name: 'lead', type: 'int', group: 'workload', outputs: ALL, value: (u) => u.counts.lead,
    label: { zh: '牵头', en: 'Lead' },
    description: { zh: '单位牵头的事项数。', en: 'Distinct items the unit leads (牵头).' },
  }),
  attribute({
    name: 'co', type: 'int', group: 'workload', outputs: ALL, value: (u) => u.counts.co,
    label: { zh: '负责', en: 'Co-responsible' },
    description: { zh: '单位按职责分工负责的事项数。', en: 'Distinct items the unit is co-responsible for (负责).' },
  }),
  attribute({
    name: 'support', type: 'int', group: 'workload', outputs: ALL, value: (u) => u.counts.support,
    label: { zh: '配合', en: 'Supporting' },
    description: { zh: '单位配合的事项数。', en: 'Distinct items the unit supports (配合).' },
  }),
  attribute({
    name: 'implement', type: 'int', group: 'workload', outputs: ALL, value: (u) => u.counts.implement,
    label: { zh: '落实', en: 'Implementing' },
    description: { zh: '单位落实的事项数。', en: 'Distinct items the unit implements (落实).' },
  }),
  attribute({
    name: 'guide', type: 'int', group: 'workload', outputs: ALL, value: (u) => u.counts.guide,
    label: { zh: '指导', en: 'Guiding' },
    description: { zh: '单位指导的事项数。', en: 'Distinct items the unit guides (指导).' },
  }),
  attribute({
    name: 'weightedLoad', type: 'double', group: 'workload', outputs: ALL, value: (u) => u.weightedLoad,
    label: { zh: '加权负荷', en: 'Weighted load' },
    description: { zh: '各角色的事项数乘以角色权重之和。', en: 'Σ over roles of the role weight × the items held in that role.' },
  }),
  attribute({
    name: 'overloaded', type: 'boolean', group: 'workload', outputs: ALL, value: (u) => u.overloaded,
    label: { zh: '是否超负荷', en: 'Overloaded' },
    description: { zh: '加权负荷高于同类单位的 Q3 + k × IQR。', en: "The weighted load is above Q3 + k × IQR of the unit's peer group." },
  }),
  attribute({
    name: 'degree', type: 'int', group: 'network', outputs: ALL, value: (u) => u.degree,
    label: { zh: '度', en: 'Degree' },
    description: { zh: '协同单位数（不加权）。', en: 'Number of partner units (unweighted).' },
  }),
  attribute({
    name: 'weightedDegree', type: 'double', group: 'network', outputs: ALL, value: (u) => u.weightedDegree,
    label: { zh: '加权度', en: 'Weighted degree' },
    description: { zh: '各连线权重之和。', en: 'Σ of tie weights.' },
  }),
  attribute({
    name: 'betweenness', type: 'double', group: 'network', outputs: ALL, value: (u) => u.betweenness,
    label: { zh: '中介中心性', en: 'Betweenness' },
    description: { zh: '不加权的最短路径中介中心性，按 (n−1)(n−2)/2 对归一化（同 NetworkX）。', en: 'Unweighted shortest paths, normalised by (n−1)(n−2)/2 pairs, as NetworkX.' },
  }),
  attribute({
    name: 'closeness', type: 'double', group: 'network', outputs: ALL, value: (u) => u.closeness,
    label: { zh: '接近中心性', en: 'Closeness' },
    description: { zh: '不加权，对不连通图作 Wasserman–Faust 修正（NetworkX wf_improved）。', en: 'Unweighted, Wasserman–Faust corrected for disconnected graphs (NetworkX wf_improved).' },
  }),
  attribute({
    name: 'eigenvector', type: 'double', group: 'network', outputs: ALL, value: (u) => u.eigenvector,
    label: { zh: '特征向量中心性', en: 'Eigenvector' },
    description: { zh: '加权，欧氏范数为 1（NetworkX eigenvector_centrality）。', en: 'Weighted, unit Euclidean norm (NetworkX eigenvector_centrality).' },
  }),
  attribute({
    name: 'pagerank', type: 'double', group: 'network', outputs: ALL, value: (u) => u.pagerank,
    label: { zh: 'PageRank', en: 'PageRank' },
    description: { zh: '加权，阻尼系数 pagerankAlpha，总和为 1（NetworkX pagerank）。', en: 'Weighted, damping pagerankAlpha, sums to 1 (NetworkX pagerank).' },
  }),
  attribute({
    name: 'coreNumber', type: 'int', group: 'network', outputs: ALL, value: (u) => u.coreNumber,
    label: { zh: 'k 核数', en: 'Core number' },
    description: { zh: '单位所在 k 核的最大 k（不加权）。', en: 'Largest k such that the unit is in the k-core (unweighted).' },
  }),
  attribute({
    name: 'community', type: 'int', group: 'network', outputs: ALL, value: (u) => u.community,
    label: { zh: '社区', en: 'Community' },
    description: { zh: 'Louvain 社区编号。', en: 'Louvain community id.' },
  }),
] as const;

export type UnitAttribute = (typeof UNIT_ATTRIBUTES)[number];
export type UnitAttributeName = UnitAttribute['name'];

/** The rows an output carries (a union member for each, so each keeps its own schema and value types). */
export type UnitAttributeIn<O extends UnitAttributeOutput> = UnitAttribute extends infer A
  ? A extends { outputs: readonly (infer Carried)[] }
    ? O extends Carried
      ? A
      : never
    : never
  : never;

/** The rows an output carries, in table order. */
export const unitAttributesIn = <O extends UnitAttributeOutput>(output: O): UnitAttributeIn<O>[] =>
  UNIT_ATTRIBUTES.filter((a): a is UnitAttributeIn<O> => (a.outputs as readonly UnitAttributeOutput[]).includes(output));

/** The names of one group, in table order (the client's metric list is the `network` group). */
export type UnitAttributeNameOf<G extends UnitAttributeGroup> = Extract<UnitAttribute, { group: G }>['name'];
export const unitAttributeNamesOf = <G extends UnitAttributeGroup>(group: G): UnitAttributeNameOf<G>[] =>
  UNIT_ATTRIBUTES.filter((a) => a.group === group).map((a) => a.name as UnitAttributeNameOf<G>);

/** An output's values of one unit, keyed by name in table order. */
export type UnitAttributeValues<O extends UnitAttributeOutput> = { [A in UnitAttributeIn<O> as A['name']]: ReturnType<A['value']> };
export const unitAttributeValues = <O extends UnitAttributeOutput>(output: O, u: UnitRow): UnitAttributeValues<O> =>
  Object.fromEntries(unitAttributesIn(output).map((a) => [a.name, a.value(u)])) as UnitAttributeValues<O>;

/** Item labels joined for formats without list values. */
export const joinItems = (labels: string[]): string => labels.join('; ');
