import { z } from 'zod';
import { JurisdictionLevelSchema } from './jurisdiction';

/**
 * The kinds of body a responsibility clause can name. The Neo4j store gives each its own
 * second label on a :Unit (graph/store/neo4j/vocabulary.ts).
 */
export const UnitKindSchema = z.enum([
  'department', // 省政府组成部门/直属机构, or a State Council ministry in national documents
  'party', // 党委机关: 省委宣传部, 省委网信办
  'central-branch', // 中央驻粤单位: 人民银行广州分行, 省税务局, 广东证监局
  'city', // a government of a lower level named as a unit: 市/区/县/镇 人民政府, 街道办事处
  'generic', // 泛指: 相关市政府, 各有关单位 — names nobody in particular
]);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/**
 * What a body does, as a key shared by every government that has such a body: Foshan's
 * 市财政局, Guangdong's 省财政厅 and the 财政部 are all `finance`, so that researchers can
 * compare like with like ("finance bureaus across 21 cities").
 */
export const UnitFunctionSchema = z.enum([
  'government', // 人民政府 (and 街道办事处): a whole government named as a unit
  'general-office', // 办公厅/办公室 of a government
  'development-reform',
  'education',
  'science-technology',
  'industry-it',
  'ethnic-religious',
  'public-security',
  'civil-affairs',
  'justice',
  'finance',
  'human-resources-social-security',
  'natural-resources',
  'ecology-environment',
  'housing-urban-rural',
  'urban-management',
  'transport',
  'water',
  'agriculture-rural',
  'commerce',
  'culture-tourism',
  'health',
  'veterans-affairs',
  'emergency',
  'audit',
  'foreign-affairs',
  'sasac',
  'market-regulation',
  'radio-tv',
  'sports',
  'statistics',
  'healthcare-security',
  'forestry',
  'local-finance',
  'government-data',
  'energy',
  'hk-macao',
  'rural-revitalization',
  'letters-calls',
  'medical-products',
  'intellectual-property',
  'grain-reserves',
  'government-offices',
  'civil-air-defence',
  'administrative-approval',
  'investment-promotion',
  'tax',
  'customs',
  'central-bank',
  'financial-regulation',
  'securities-regulation',
  'communications',
  'postal',
  'meteorology',
  'fire-rescue',
  'survey', // 国家统计局调查总队/调查队
  'publicity', // 党委宣传部
  'organization',
  'cyberspace',
  'united-front',
  'political-legal',
  'establishment',
  'rural-work',
  'trade-union',
  'women',
  'youth-league',
  'science-association',
  'federation-industry-commerce',
  'supply-marketing',
  'poverty-alleviation',
]);
export type UnitFunction = z.infer<typeof UnitFunctionSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** One real body, with every spelling the documents use for it. */
export const UnitSchema = z.object({
  /** Stable id, never reused: `gd.dept.industry-it`, `gd.city.guangzhou`, `generic.related-cities`. */
  id: z.string().min(1),
  /** Official Chinese full name (全称). */
  name: z.string().min(1),
  /** Short name as documents usually write it (简称), e.g. 省工业和信息化厅. */
  shortName: z.string().min(1),
  /** Other spellings; matched after whitespace removal. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Official English name; never a guessed one (provisional units have one only when function and jurisdiction are known). */
  nameEn: z.string().min(1).optional(),
  kind: UnitKindSchema,
  /**
   * GB/T 2260 code of the government the body belongs to: `440000` Guangdong's departments,
   * `100000` national bodies, `440600` Foshan's bureaus, `510107` Wuhou District's; a city
   * government named as a unit has its own code (广州市政府: `440100`). `000000` when unknown.
   */
  jurisdiction: z.string().regex(/^\d{6}(\d{3})?$/, 'a GB/T 2260 code: 6 digits (9 for a township), 100000 national, 000000 unknown'),
  /** Level of that jurisdiction; absent only when the jurisdiction is unknown. */
  level: JurisdictionLevelSchema.optional(),
  /** Department type shared across governments (finance, public-security, …), when known. */
  function: UnitFunctionSchema.optional(),
  /** Renamed or merged bodies point at their successor (e.g. 广东银保监局 → 国家金融监督管理总局广东监管局). */
  successorId: z.string().optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  /** True for units created for names the registry did not know (never silently dropped). */
  provisional: z.boolean().default(false),
});
export type Unit = z.infer<typeof UnitSchema>;

export const RegistryFileSchema = z.object({
  version: z.number().int().positive(),
  units: z.array(UnitSchema),
});
export type RegistryFile = z.infer<typeof RegistryFileSchema>;
