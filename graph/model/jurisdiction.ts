import { z } from 'zod';

/**
 * The tiers of Chinese government a plan can come from: the State Council and its ministries
 * (national), 省/自治区/直辖市 (province), 市/州/盟 (prefecture), 县/区/旗/县级市 (county),
 * 镇/乡/街道 (township).
 */
export const JurisdictionLevelSchema = z.enum(['national', 'province', 'prefecture', 'county', 'township']);
export type JurisdictionLevel = z.infer<typeof JurisdictionLevelSchema>;

/** One government: its GB/T 2260 code (`100000` for national, 9 digits for a township), official name and level. */
export const JurisdictionSchema = z.object({
  code: z.string().regex(/^\d{6}(\d{3})?$/, 'a 6-digit GB/T 2260 code (9 digits for a township)'),
  name: z.string().min(1),
  level: JurisdictionLevelSchema,
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
