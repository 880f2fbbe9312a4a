/**
 * Options and results of the analytics, as zod schemas: the single source of truth for the
 * CLI, the HTTP API (which reuses them for query validation and response documentation) and
 * the client. Options are parsed with defaults filled in, and the parsed options are echoed
 * back in every report as `parameters`, so a figure can always be traced to how it was made.
 * Exact definitions of every measure: docs/metrics.md.
 */
import { z } from 'zod';
import { UnitKindSchema, ItemRefSchema, UnitSummarySchema } from '../model';

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------
// Shared options
// ---------------------------------------------------------------------------------------------

/** Cost of one item held in each role. Leading (牵头) costs more than contributing. */
export const RoleWeightsSchema = z
  .object({
    lead: z.number().nonnegative().default(3).describe('Weight of one item led (牵头).'),
    co: z.number().nonnegative().default(1).describe('Weight of one item co-responsible (按职责分工负责).'),
    support: z.number().nonnegative().default(0.5).describe('Weight of one item supported (配合/参与/协助).'),
    implement: z.number().nonnegative().default(1).describe('Weight of one item implemented (落实).'),
    guide: z.number().nonnegative().default(0.5).describe('Weight of one item guided (指导).'),
  })
  .describe('Weight of one item per role; omitted roles take their defaults.');
export type RoleWeights = z.infer<typeof RoleWeightsSchema>;

const includeGeneric = z
  .boolean()
  .default(false)
  .describe('Count generic placeholders (相关市政府, 各有关单位) as units. Off by default: they name nobody.');

/** Per-role counts of distinct items. */
export const RoleCountsSchema = z
  .object({ lead: count, co: count, support: count, implement: count, guide: count })
  .describe('Number of distinct items the unit holds in each role.');
export type RoleCounts = z.infer<typeof RoleCountsSchema>;

// ---------------------------------------------------------------------------------------------
// Workload (planners)
// ---------------------------------------------------------------------------------------------

export const WorkloadOptionsSchema = z
  .object({
    weights: RoleWeightsSchema.prefault({}),
    includeGeneric,
    overloadFactor: z
      .number()
      .nonnegative()
      .default(1.5)
      .describe('k in the overload rule: weighted load > Q3 + k × IQR of the peer group.'),
    minPeerGroupSize: z
      .number()
      .int()
      .min(2)
      .default(4)
      .describe('Peer groups with fewer units get no threshold, and nobody in them is flagged.'),
  })
  .describe('How the workload is weighted and how overload is judged.');
/** What callers pass (every field optional). */
export type WorkloadOptions = z.input<typeof WorkloadOptionsSchema>;
/** What was used, defaults filled in. */
export type WorkloadParameters = z.infer<typeof WorkloadOptionsSchema>;

export const WorkloadRowSchema = z
  .object({
    unit: UnitSummarySchema,
    counts: RoleCountsSchema,
    assignments: count.describe('Distinct (item, role) pairs the unit holds.'),
    weightedLoad: z.number().nonnegative().describe('Σ over roles of weight × count.'),
    share: share.describe('weightedLoad / total weighted load of all rows.'),
    rank: z.number().int().positive().describe('Competition rank by weightedLoad (ties share a rank: 1, 2, 2, 4).'),
    peerGroup: z
      .string()
      .describe('The units it is compared with: those of the same jurisdiction, level and kind, named `<code>/<level>/<kind>`, e.g. `440000/province/department`.'),
    overloaded: z.boolean().describe("weightedLoad is above its peer group's threshold."),
  })
  .describe('One unit of the workload table.');
export type WorkloadRow = z.infer<typeof WorkloadRowSchema>;

export const PeerGroupThresholdSchema = z
  .object({
    peerGroup: z.string().describe('`<jurisdiction code>/<level>/<kind>`; the level is `unknown` when the jurisdiction is.'),
    jurisdiction: UnitSummarySchema.shape.jurisdiction.describe(
      "The jurisdiction the group is compared within: the units' own, or for governments named as units (kind city) the one above them.",
    ),
    /** The jurisdiction's name from the division table, absent when it is unknown. */
    jurisdictionName: z.string().optional(),
    level: UnitSummarySchema.shape.level,
    kind: UnitKindSchema,
    units: count,
    q1: z.number().describe('First quartile of weighted load (linear interpolation, type 7).'),
    median: z.number(),
    q3: z.number().describe('Third quartile of weighted load (linear interpolation, type 7).'),
    iqr: z.number().describe('q3 − q1.'),
    threshold: z.number().nullable().describe('q3 + overloadFactor × iqr; null when the group is too small to judge.'),
    overloaded: count.describe('Units above the threshold.'),
  })
  .describe('The overload threshold of one peer group.');
export type PeerGroupThreshold = z.infer<typeof PeerGroupThresholdSchema>;

export const OverloadRuleSchema = z
  .object({
    rule: z.string().describe('The rule in words, with its parameters.'),
    quartileMethod: z.string().describe('How quartiles are computed.'),
    overloadFactor: z.number(),
    minPeerGroupSize: z.number().int(),
    peerGroups: z.array(PeerGroupThresholdSchema),
  })
  .describe('The overload rule and its threshold in every peer group.');
export type OverloadRule = z.infer<typeof OverloadRuleSchema>;

export const ConcentrationSchema = z
  .object({
    units: count.describe('Units the figures are computed over: the rows of the whole ranking, however many a `limit` sends.'),
    totalLoad: z.number().nonnegative(),
    top1Share: share.describe('Share of the total weighted load held by the first unit.'),
    top3Share: share.describe('Share held by the first three units.'),
    gini: share.describe('Gini coefficient of weighted loads (0 = equal, → 1 = all on one unit).'),
    hhi: share.describe('Herfindahl–Hirschman index Σ share² on the 0–1 scale (×10 000 for the antitrust scale).'),
  })
  .describe('How concentrated the weighted load is.');
export type Concentration = z.infer<typeof ConcentrationSchema>;

export const WorkloadReportSchema = z
  .object({
    parameters: WorkloadOptionsSchema,
    rows: z.array(WorkloadRowSchema).describe('Highest load first; ties by lead count, then unit id.'),
    overloadRule: OverloadRuleSchema,
    concentration: ConcentrationSchema,
  })
  .describe('Workload per unit, the overload rule, and the concentration of the load.');
export type WorkloadReport = z.infer<typeof WorkloadReportSchema>;

// ---------------------------------------------------------------------------------------------
// Accountability gaps (auditors)
// ---------------------------------------------------------------------------------------------

export const GapOptionsSchema = z
  .object({
    diffusionThreshold: z
      .number()
      .int()
      .min(2)
      .default(3)
      .describe('Diffusion: at least this many named co-responsible units and no named lead.'),
  })
  .describe('How gaps are judged.');
export type GapOptions = z.input<typeof GapOptionsSchema>;
export type GapParameters = z.infer<typeof GapOptionsSchema>;

export const GapReasonCodeSchema = z
  .enum(['no-lead', 'generic-only', 'inferred-lead', 'diffusion', 'unknown-unit'])
  .describe(
    'no-lead: no named unit leads (牵头); generic-only: every owner is a generic placeholder; ' +
      'inferred-lead: the lead follows from a convention, not from the clause; diffusion: many co-responsible units and no lead; ' +
      'unknown-unit: an owner the registry does not know (provisional).',
  );
export type GapReasonCode = z.infer<typeof GapReasonCodeSchema>;

export const GapReasonSchema = z
  .object({
    code: GapReasonCodeSchema,
    message: z.string().describe('The reason in words.'),
    units: z.array(UnitSummarySchema).describe('The units the reason is about (e.g. the co-responsible units of a diffusion).'),
  })
  .describe('One reason an item is a gap.');
export type GapReason = z.infer<typeof GapReasonSchema>;

export const GapSchema = z
  .object({
    item: ItemRefSchema.pick({ id: true, documentId: true, label: true, title: true, sectionId: true }).extend({
      documentTitle: z.string(),
    }),
    clause: z
      .object({ text: z.string(), start: count, end: count })
      .nullable()
      .describe('The clause quoted, with its source offsets; null when the item has none.'),
    reasons: z.array(GapReasonSchema).min(1),
  })
  .describe('An item with an accountability gap, quoting its clause.');
export type Gap = z.infer<typeof GapSchema>;

export const GapReportSchema = z
  .object({
    parameters: GapOptionsSchema,
    itemsExamined: count,
    counts: z.record(GapReasonCodeSchema, count).describe('Items per reason (an item may have several).'),
    gaps: z.array(GapSchema).describe('In document order.'),
  })
  .describe('Every item with an accountability gap, and its reasons.');
export type GapReport = z.infer<typeof GapReportSchema>;

// ---------------------------------------------------------------------------------------------
// Coordination network (researchers)
// ---------------------------------------------------------------------------------------------

export const EdgeWeightingSchema = z
  .enum(['shared-items', 'role-weighted'])
  .describe(
    'shared-items: weight = number of items both units answer for; role-weighted: Σ over shared items of the mean of the two role weights.',
  );
export type EdgeWeighting = z.infer<typeof EdgeWeightingSchema>;

export const CoordinationOptionsSchema = z
  .object({
    includeGeneric,
    weighting: EdgeWeightingSchema.default('shared-items'),
    weights: RoleWeightsSchema.prefault({}).describe('Role weights, used by the role-weighted variant only.'),
  })
  .describe('How the unit–item graph is projected onto units.');
export type CoordinationOptions = z.input<typeof CoordinationOptionsSchema>;
export type CoordinationParameters = z.infer<typeof CoordinationOptionsSchema>;

/** Attributes of a unit node in the coordination graph. */
export const CoordinationNodeAttributesSchema = UnitSummarySchema.omit({ id: true });
export type CoordinationNodeAttributes = z.infer<typeof CoordinationNodeAttributesSchema>;

/** Attributes of a tie between two units. */
export const CoordinationEdgeAttributesSchema = z.object({
  /** Tie strength (see EdgeWeightingSchema); 0 only when role weights of 0 are chosen. */
  weight: z.number().nonnegative(),
  sharedItemCount: z.number().int().positive(),
  /** Item ids, in document order. */
  sharedItemIds: z.array(z.string()),
  /** Item labels as written (`（十二）`), prefixed by the document id when the graph spans documents. */
  sharedItems: z.array(z.string()),
});
export type CoordinationEdgeAttributes = z.infer<typeof CoordinationEdgeAttributesSchema>;

export const NetworkOptionsSchema = CoordinationOptionsSchema.extend({
  resolution: z.number().positive().default(1).describe('Louvain resolution γ (1 = classic modularity).'),
  seed: z.number().int().nonnegative().default(42).describe('Seed of the PRNG Louvain draws from; same seed, same communities.'),
  pagerankAlpha: z.number().gt(0).lt(1).default(0.85).describe('PageRank damping factor.'),
}).describe('Projection, community detection and centrality parameters.');
export type NetworkOptions = z.input<typeof NetworkOptionsSchema>;
export type NetworkParameters = z.infer<typeof NetworkOptionsSchema>;

export const NodeMetricsSchema = z
  .object({
    unit: UnitSummarySchema,
    degree: count.describe('Number of partner units (unweighted).'),
    weightedDegree: z.number().nonnegative().describe('Σ of tie weights.'),
    betweenness: share.describe('Unweighted shortest paths, normalised by (n−1)(n−2)/2 pairs, as NetworkX.'),
    closeness: share.describe('Unweighted, Wasserman–Faust corrected for disconnected graphs (NetworkX wf_improved).'),
    eigenvector: z.number().nonnegative().describe('Weighted, unit Euclidean norm (NetworkX eigenvector_centrality).'),
    pagerank: share.describe('Weighted, damping pagerankAlpha, sums to 1 (NetworkX pagerank).'),
    coreNumber: count.describe('Largest k such that the unit is in the k-core (unweighted).'),
    community: count.describe('Louvain community id (0 = largest community).'),
  })
  .describe('Metrics of one unit in the coordination network.');
export type NodeMetrics = z.infer<typeof NodeMetricsSchema>;

export const CommunitySchema = z
  .object({
    id: count.describe('0 = largest; ties by smallest member id.'),
    size: z.number().int().positive(),
    members: z.array(z.string()).describe('Unit ids, highest weighted degree first.'),
  })
  .describe('One Louvain community.');
export type Community = z.infer<typeof CommunitySchema>;

export const PartitionSchema = z
  .object({
    count: count,
    modularity: z.number().describe('Weighted modularity of this partition at the given resolution (NetworkX definition).'),
    communities: z.array(CommunitySchema),
  })
  .describe('The Louvain partition of the coordination network.');
export type Partition = z.infer<typeof PartitionSchema>;

export const GraphStatsSchema = z
  .object({
    nodes: count,
    edges: count,
    totalWeight: z.number().nonnegative(),
    density: share.describe('2m / (n(n−1)), unweighted.'),
    components: count.describe('Connected components, isolated units included.'),
    averageClustering: share.describe('Mean unweighted local clustering coefficient, zeros included (NetworkX average_clustering).'),
  })
  .describe('Whole-graph figures of the coordination network.');
export type GraphStats = z.infer<typeof GraphStatsSchema>;

export const NetworkReportSchema = z
  .object({
    parameters: NetworkOptionsSchema,
    graph: GraphStatsSchema,
    nodes: z.array(NodeMetricsSchema).describe('Highest weighted degree first; ties by unit id.'),
    partition: PartitionSchema,
  })
  .describe('Metrics of the unit coordination network.');
export type NetworkReport = z.infer<typeof NetworkReportSchema>;
