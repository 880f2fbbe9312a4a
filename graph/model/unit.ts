import { z } from 'zod';

/**
 * The kinds of body a responsibility clause can name. The second Neo4j label of a :Unit
 * is derived from this (see UNIT_KIND_LABEL).
 */
export const UnitKindSchema = z.enum([
  'department', // 省政府组成部门/直属机构, or a State Council ministry in national documents
  'party', // 党委机关: 省委宣传部, 省委网信办
  'central-branch', // 中央驻粤单位: 人民银行广州分行, 省税务局, 广东证监局
  'city', // 地级以上市政府
  'generic', // 泛指: 相关市政府, 各有关单位 — names nobody in particular
]);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  department: 'Department',
  party: 'PartyOrgan',
  'central-branch': 'CentralBranch',
  city: 'City',
  generic: 'Generic',
};

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
  /** Official English name. */
  nameEn: z.string().min(1),
  kind: UnitKindSchema,
  /** Whose body it is: `guangdong`, `national`, … Resolution prefers the document's own jurisdiction. */
  jurisdiction: z.string().min(1),
  /** Renamed or merged bodies point at their successor (e.g. 广东银保监局 → 国家金融监督管理总局广东监管局). */
  successorId: z.string().optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  /** True for units created for names the registry did not know (never silently dropped). */
  provisional: z.boolean().default(false),
});
export type Unit = z.infer<typeof UnitSchema>;
export type UnitInput = z.input<typeof UnitSchema>;

export const RegistryFileSchema = z.object({
  version: z.number().int().positive(),
  units: z.array(UnitSchema),
});
export type RegistryFile = z.infer<typeof RegistryFileSchema>;
