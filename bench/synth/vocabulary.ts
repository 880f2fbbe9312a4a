/**
 * Word lists for the synthetic corpus. Department names follow real provincial government
 * line-ups (the short forms documents write after 省), so the parser meets the spellings it
 * meets in real plans; province and city names are synthetic so no real body is misattributed.
 */
import type { UnitKind } from '../../graph/model';

export interface UnitTemplate {
  /** The written form without the 省 prefix for provincial units: 科技厅. */
  short: string;
  /** The official name's middle part, after the province name: 科学技术厅. */
  official: string;
  nameEn: string;
  slug: string;
  kind: UnitKind;
}

const dept = (short: string, official: string, nameEn: string, slug: string): UnitTemplate => ({
  short,
  official,
  nameEn,
  slug,
  kind: 'department',
});
const branch = (short: string, official: string, nameEn: string, slug: string): UnitTemplate => ({
  short,
  official,
  nameEn,
  slug,
  kind: 'central-branch',
});

/** Written `省X`, and distributable: `省发展改革委、科技厅` names 省科技厅. */
export const PROVINCIAL_UNITS: readonly UnitTemplate[] = [
  dept('发展改革委', '发展和改革委员会', 'Development and Reform Commission', 'development-reform'),
  dept('教育厅', '教育厅', 'Department of Education', 'education'),
  dept('科技厅', '科学技术厅', 'Department of Science and Technology', 'science-technology'),
  dept('工业和信息化厅', '工业和信息化厅', 'Department of Industry and Information Technology', 'industry-it'),
  dept('民族宗教委', '民族宗教事务委员会', 'Ethnic and Religious Affairs Commission', 'ethnic-religious'),
  dept('公安厅', '公安厅', 'Department of Public Security', 'public-security'),
  dept('民政厅', '民政厅', 'Department of Civil Affairs', 'civil-affairs'),
  dept('司法厅', '司法厅', 'Department of Justice', 'justice'),
  dept('财政厅', '财政厅', 'Department of Finance', 'finance'),
  dept('人力资源社会保障厅', '人力资源和社会保障厅', 'Department of Human Resources and Social Security', 'hr-social-security'),
  dept('自然资源厅', '自然资源厅', 'Department of Natural Resources', 'natural-resources'),
  dept('生态环境厅', '生态环境厅', 'Department of Ecology and Environment', 'ecology-environment'),
  dept('住房城乡建设厅', '住房和城乡建设厅', 'Department of Housing and Urban-Rural Development', 'housing'),
  dept('交通运输厅', '交通运输厅', 'Department of Transport', 'transport'),
  dept('水利厅', '水利厅', 'Department of Water Resources', 'water-resources'),
  dept('农业农村厅', '农业农村厅', 'Department of Agriculture and Rural Affairs', 'agriculture'),
  dept('商务厅', '商务厅', 'Department of Commerce', 'commerce'),
  dept('文化和旅游厅', '文化和旅游厅', 'Department of Culture and Tourism', 'culture-tourism'),
  dept('卫生健康委', '卫生健康委员会', 'Health Commission', 'health'),
  dept('退役军人事务厅', '退役军人事务厅', 'Department of Veterans Affairs', 'veterans'),
  dept('应急管理厅', '应急管理厅', 'Department of Emergency Management', 'emergency'),
  dept('审计厅', '审计厅', 'Audit Office', 'audit'),
  dept('外办', '人民政府外事办公室', 'Foreign Affairs Office', 'foreign-affairs'),
  dept('国资委', '人民政府国有资产监督管理委员会', 'State-owned Assets Supervision and Administration Commission', 'sasac'),
  dept('市场监管局', '市场监督管理局', 'Administration for Market Regulation', 'market-regulation'),
  dept('广电局', '广播电视局', 'Radio and Television Administration', 'radio-tv'),
  dept('体育局', '体育局', 'Sports Bureau', 'sports'),
  dept('统计局', '统计局', 'Statistics Bureau', 'statistics'),
  dept('医保局', '医疗保障局', 'Healthcare Security Administration', 'healthcare-security'),
  dept('林业局', '林业局', 'Forestry Administration', 'forestry'),
  dept('地方金融监管局', '地方金融监督管理局', 'Local Financial Supervision and Administration', 'local-finance'),
  dept('政务服务数据管理局', '政务服务数据管理局', 'Government Services and Data Administration', 'data-administration'),
  dept('能源局', '能源局', 'Energy Administration', 'energy'),
  dept('港澳办', '人民政府港澳事务办公室', 'Hong Kong and Macao Affairs Office', 'hk-macao'),
  dept('乡村振兴局', '乡村振兴局', 'Rural Revitalization Administration', 'rural-revitalization'),
  dept('信访局', '信访局', 'Bureau of Letters and Calls', 'letters-calls'),
  dept('药监局', '药品监督管理局', 'Medical Products Administration', 'medical-products'),
  dept('知识产权局', '知识产权局', 'Intellectual Property Administration', 'intellectual-property'),
  dept('粮食和储备局', '粮食和物资储备局', 'Food and Strategic Reserves Administration', 'food-reserves'),
  dept('机关事务管理局', '机关事务管理局', 'Government Offices Administration', 'government-offices'),
  dept('人防办', '人民防空办公室', 'Civil Air Defence Office', 'civil-air-defence'),
  dept('中医药局', '中医药局', 'Administration of Traditional Chinese Medicine', 'tcm'),
  dept('监狱管理局', '监狱管理局', 'Prison Administration', 'prisons'),
  dept('文物局', '文物局', 'Cultural Heritage Administration', 'cultural-heritage'),
  dept('地震局', '地震局', 'Earthquake Administration', 'earthquake'),
  dept('供销社', '供销合作联社', 'Supply and Marketing Cooperative', 'supply-marketing'),
  branch('税务局', '国家税务总局{P}省税务局', 'Taxation Bureau (State Taxation Administration)', 'taxation'),
  branch('通信管理局', '通信管理局', 'Communications Administration', 'communications'),
  branch('邮政管理局', '邮政管理局', 'Postal Administration', 'postal'),
  branch('气象局', '气象局', 'Meteorological Bureau', 'meteorology'),
  branch('消防救援总队', '消防救援总队', 'Fire and Rescue Corps', 'fire-rescue'),
];

/** Party organs and mass organisations: each written whole (`省委宣传部`), never in a 省 list. */
export const PARTY_UNITS: readonly UnitTemplate[] = [
  ['省委宣传部', '委宣传部', 'Publicity Department of the Provincial Party Committee', 'publicity'],
  ['省委组织部', '委组织部', 'Organization Department of the Provincial Party Committee', 'organization'],
  ['省委网信办', '委网络安全和信息化委员会办公室', 'Cyberspace Affairs Office of the Provincial Party Committee', 'cyberspace'],
  ['省委政法委', '委政法委员会', 'Political and Legal Affairs Commission', 'political-legal'],
  ['省委统战部', '委统战部', 'United Front Work Department', 'united-front'],
  ['省委编办', '委机构编制委员会办公室', 'Institutional Organization Commission Office', 'establishment'],
  ['省委农办', '委农村工作领导小组办公室', 'Rural Work Office of the Provincial Party Committee', 'rural-work'],
  ['省委台办', '委台湾工作办公室', 'Taiwan Affairs Office', 'taiwan'],
  ['省委教育工委', '委教育工作委员会', 'Education Work Committee', 'education-work'],
  ['省总工会', '总工会', 'Federation of Trade Unions', 'trade-unions'],
  ['省妇联', '妇女联合会', "Women's Federation", 'women'],
  ['省科协', '科学技术协会', 'Association for Science and Technology', 'science-association'],
].map(([short, official, nameEn, slug]) => ({ short: short!, official: official!, nameEn: nameEn!, slug: slug!, kind: 'party' as const }));

/** Central agencies' branches that carry their own place prefix; `{C}` is the capital, `{P}` the province. */
export const OWN_PREFIX_BRANCHES: readonly UnitTemplate[] = [
  branch('人民银行{C}分行', '中国人民银行{C}分行', "People's Bank of China {C} Branch", 'pbc'),
  branch('{P}银保监局', '中国银行保险监督管理委员会{P}监管局', 'CBIRC {P} Office', 'cbirc'),
  branch('{P}证监局', '中国证券监督管理委员会{P}监管局', 'CSRC {P} Bureau', 'csrc'),
  branch('{C}海关', '中华人民共和国{C}海关', '{C} Customs', 'customs'),
  branch('国家统计局{P}调查总队', '国家统计局{P}调查总队', 'NBS {P} Survey Office', 'nbs-survey'),
];

/** Placeholders that name nobody in particular; shared by every jurisdiction. */
export const GENERIC_UNITS: readonly { name: string; nameEn: string; slug: string }[] = [
  { name: '相关市政府', nameEn: 'City governments concerned', slug: 'related-cities' },
  { name: '各地级以上市政府', nameEn: 'All prefecture-level city governments', slug: 'all-cities' },
  { name: '相关行业主管部门', nameEn: 'Industry authorities concerned', slug: 'related-industry-authorities' },
  { name: '各有关单位', nameEn: 'All units concerned', slug: 'all-relevant-units' },
  { name: '相关单位', nameEn: 'Units concerned', slug: 'related-units' },
];

/**
 * Syllables for synthetic place names (two characters each: 安川, 平江, …), enough for 10,000
 * units. None begins with a character the grammar treats as a prefix (省, 市, 国家, 中国, 各, 相关 …).
 */
export const PLACE_FIRST = [...'安平东西南北长永定清新吉景泰康临宁丰兴华昌瑞益宜富嘉恒河云金银玉龙凤白青黄红紫松桂柳梅兰竹石湘沅汾洛'];
/** First characters of place names taken only when PLACE_FIRST's run out (10,000 units), so smaller corpora stay as they were. */
export const PLACE_FIRST_OVERFLOW = [...'高广双三五九'];
export const PLACE_SECOND = [...'川江阳州山源宁德城昌庆溪林浦口门海沙岭原泉水坪都乡陵阴岗峰湾滨塘桥店关台堡庄坝湖渡津洲岩谷冈田坡埠汀垣'];

export const THEMES = [
  '数字经济', '营商环境', '乡村振兴', '生态环境保护', '科技创新', '稳就业', '教育强省', '卫生健康',
  '综合交通', '文化旅游', '安全生产', '对外开放', '制造业高质量发展', '数字政府', '市场监管', '社会信用体系',
] as const;

export const ISSUER_SUFFIXES = ['工作领导小组办公室', '人民政府办公厅', '发展和改革委员会'] as const;
export const DOCUMENT_KINDS = ['工作要点', '重点工作任务分工方案', '实施方案', '行动计划'] as const;

export const SECTION_VERBS = ['大力推动', '加快推进', '着力提升', '持续深化', '全面加强', '健全完善', '优化升级', '积极培育'] as const;
export const ITEM_VERBS = [
  '加快', '推进', '完善', '强化', '深化', '提升', '实施', '发展', '培育', '支持', '优化', '建设', '加强', '推动', '健全',
] as const;
export const NOUNS = [
  '产业集群建设', '软件与信息技术服务业', '新型储能产业', '超高清视频产业', '信创产业', '制造业数字化转型', '数字农业',
  '数字贸易', '数字金融', '智慧交通', '数据资源共享', '数据要素市场', '核心软件攻关', '关键技术创新能力', '科技创新平台',
  '信息网络基础设施', '算力基础设施', '工业互联网平台', '智慧城市', '数字乡村', '智慧教育', '智慧医疗', '智慧养老',
  '数字住建', '应急管理信息化', '市场监管执法', '数据安全保障', '统筹协调机制', '全民数字素养', '资金支持政策',
  '交流合作机制', '人才培养体系', '标准体系建设', '知识产权保护', '中小企业服务', '绿色低碳转型', '营商环境评价',
  '政务服务改革', '公共数据开放', '社会信用体系', '跨境电商综试区', '现代农业产业园', '职业技能培训', '创业孵化载体',
  '重点项目建设', '产业园区配套', '公共服务平台', '统计监测体系', '安全风险防控', '信用监管机制',
] as const;
export const BODY_OPENERS = [
  '深入实施', '加快推动', '持续推进', '积极开展', '统筹用好', '大力发展', '研究制定', '探索建立', '组织实施', '全面推广',
  '进一步优化', '认真落实', '扎实推进', '鼓励支持', '着力构建',
] as const;
export const BODY_OBJECTS = [
  '重点领域研发计划', '产业链供应链协同', '公共数据共享机制', '一批示范项目', '数字化转型服务', '标准规范体系',
  '跨部门协同联动', '试点示范工作', '重点企业培育', '政策宣传解读', '基础数据治理', '监测预警能力', '公共服务供给',
  '区域协调发展', '创新资源集聚', '全流程闭环管理', '人才引育工作', '金融服务供给', '市场主体培育', '信息化支撑能力',
] as const;
export const BODY_PURPOSES = [
  '提升服务水平', '增强发展动能', '夯实发展基础', '促进融合应用', '形成工作合力', '推动提质增效', '扩大覆盖范围',
  '保障市场供需稳定', '提高治理能力', '带动中小企业整体转型',
] as const;
export const QUOTED_TERMS = ['一网共享', '一网统管', '百城千屏', '链主', '千兆城市', '跨境通办', '粤信融', '数字工匠'] as const;
export const BOOK_TITLES = ['数据条例', '数字经济促进条例', '核心软件试点应用产品清单', '版权条例', '公共数据管理办法'] as const;
export const ABBREVIATIONS = [
  ['数据管理能力成熟度评估模型', 'DCMM'],
  ['实验室信息管理系统', 'LIMS'],
  ['城市信息模型', 'CIM'],
  ['建筑信息模型', 'BIM'],
] as const;
