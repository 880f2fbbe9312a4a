/**
 * The words government bodies are named with: the heads that end an organisation's name (a
 * candidate without one is no unit), and the heads that say which function a body serves in
 * any government (财政局, 财政厅 and 财政部 are all `finance`). Every pattern is anchored and
 * linear; they run on simplified text.
 */
import { NameMemo } from '../memo';
import type { UnitFunction } from '../model';

/**
 * Endings of organisation names (厅 局 委 办 部 署 院 银行 会 政府 管委会 分局 中心 …), used to tell
 * `(省科技厅)` from `(LIMS)`, `(试行)` or a sentence that strayed into a clause. 行 counts only as
 * 银行/分行/支行 and 关 only as 海关: 试行 and 机关 are no organisations of their own.
 */
export const ORGANISATION_HEAD =
  /(?:厅|局|委|办|部|署|司|院|会|府|室|处|中心|集团|公司|街道|镇|团|联|所|站|队|社|馆|银行|分行|支行|海关|小组|党组|指挥部|办事处|委员会|管委会|合作社|总社)$/;

/** A placeholder for many bodies (各区, 相关单位, 有关部门, 区级各执法部门): an organisation although it ends otherwise. */
export const PLACEHOLDER = /^(?:(?:省|市|区|县|州|自治区)(?:级|直)?)?(?:各|相关|有关|其他|其它)/;

/** Whether a name (simplified) reads as an organisation: an organisation head, or a placeholder. */
export function looksLikeOrganisation(simplifiedName: string): boolean {
  return simplifiedName.length >= 2 && (ORGANISATION_HEAD.test(simplifiedName) || PLACEHOLDER.test(simplifiedName));
}

interface FunctionHeads {
  /** Heads a local government's body takes, written after its prefix (市财政局 → 财政局). */
  local: RegExp;
  /** English of a local body, after the place: `Finance Bureau` → Foshan Municipal Finance Bureau. */
  en?: string;
}

const heads = (pattern: string, en?: string): FunctionHeads => ({ local: new RegExp(`^(?:${pattern})$`), ...(en ? { en } : {}) });

/**
 * Heads by function. Only full heads count: 市公安局交警支队 is no `public-security` bureau but a
 * unit of its own. Order matters only where heads overlap (none do).
 */
export const FUNCTION_HEADS: Partial<Record<UnitFunction, FunctionHeads>> = {
  government: heads('人民政府|政府|街道办事处|街道办', "People's Government"),
  'general-office': heads('政府办公室|政府办公厅|人民政府办公室|人民政府办公厅|政府办', 'General Office of the Government'),
  'development-reform': heads('发展改革委|发展和改革委员会|发展改革局|发展和改革局|发改委|发改局', 'Development and Reform Bureau'),
  education: heads('教育局|教育厅|教育委员会|教委', 'Education Bureau'),
  'science-technology': heads('科技局|科学技术局|科技厅|科学技术厅|科技和工业信息化局|科学技术和工业信息化局', 'Science and Technology Bureau'),
  'industry-it': heads('工业和信息化局|工业和信息化厅|工信局|工信厅|经济和信息化局|经信局|工业和信息化委员会|经济和信息化委员会', 'Industry and Information Technology Bureau'),
  'ethnic-religious': heads('民族宗教事务局|民宗局|民族宗教委|民族宗教事务委员会'),
  'public-security': heads('公安局|公安厅', 'Public Security Bureau'),
  'civil-affairs': heads('民政局|民政厅', 'Civil Affairs Bureau'),
  justice: heads('司法局|司法厅', 'Justice Bureau'),
  finance: heads('财政局|财政厅', 'Finance Bureau'),
  'human-resources-social-security': heads('人力资源社会保障局|人力资源和社会保障局|人社局|人力资源社会保障厅|人力资源和社会保障厅|人社厅', 'Human Resources and Social Security Bureau'),
  'natural-resources': heads('自然资源局|自然资源厅|规划和自然资源局|自然资源和规划局|规划和自然资源委员会|规划资源局', 'Natural Resources Bureau'),
  'ecology-environment': heads('生态环境局|生态环境厅', 'Ecology and Environment Bureau'),
  'housing-urban-rural': heads('住房城乡建设局|住房和城乡建设局|住建局|住房城乡建设厅|住房和城乡建设厅|住建厅|住房和城乡建设委员会|住房城乡建设委', 'Housing and Urban-Rural Development Bureau'),
  'urban-management': heads('城市管理局|城管局|城市管理和综合执法局|城市管理综合执法局', 'Urban Management Bureau'),
  transport: heads('交通运输局|交通运输厅|交通局|交通运输委员会', 'Transport Bureau'),
  water: heads('水利局|水利厅|水务局', 'Water Resources Bureau'),
  'agriculture-rural': heads('农业农村局|农业农村厅|农业农村委|农业农村委员会|农业局', 'Agriculture and Rural Affairs Bureau'),
  commerce: heads('商务局|商务厅|商务委', 'Commerce Bureau'),
  'culture-tourism': heads('文化和旅游局|文化旅游局|文旅局|文化和旅游厅|文旅厅|文化广电旅游局|文化广电旅游体育局|文广旅体局|文广旅局', 'Culture and Tourism Bureau'),
  health: heads('卫生健康局|卫生健康委|卫生健康委员会|卫健局|卫健委', 'Health Bureau'),
  'veterans-affairs': heads('退役军人事务局|退役军人事务厅', 'Veterans Affairs Bureau'),
  emergency: heads('应急管理局|应急管理厅|应急局', 'Emergency Management Bureau'),
  audit: heads('审计局|审计厅', 'Audit Bureau'),
  'foreign-affairs': heads('外事办|外办|外事办公室|政府外事办公室'),
  sasac: heads('国资委|国有资产监督管理委员会|政府国资委|国资局', 'State-owned Assets Supervision and Administration Commission'),
  'market-regulation': heads('市场监管局|市场监督管理局', 'Market Regulation Bureau'),
  'radio-tv': heads('广电局|广播电视局'),
  sports: heads('体育局'),
  statistics: heads('统计局', 'Statistics Bureau'),
  'healthcare-security': heads('医保局|医疗保障局', 'Healthcare Security Bureau'),
  forestry: heads('林业局'),
  'local-finance': heads('地方金融监管局|地方金融监督管理局|金融工作局|金融局|金融办|地方金融工作办公室|金融工作办公室'),
  'government-data': heads('政务服务数据管理局|政务服务和数据管理局|政数局|数据局|大数据局|大数据发展管理局|大数据管理局|政务服务和大数据管理局|政务服务管理局', 'Government Services and Data Administration'),
  energy: heads('能源局'),
  'rural-revitalization': heads('乡村振兴局'),
  'letters-calls': heads('信访局'),
  'medical-products': heads('药监局|药品监督管理局'),
  'intellectual-property': heads('知识产权局'),
  'grain-reserves': heads('粮食和物资储备局|粮食局'),
  'government-offices': heads('机关事务管理局|机关事务局'),
  'administrative-approval': heads('行政审批局|行政审批服务局'),
  'investment-promotion': heads('投资促进局|投促局|招商局'),
  tax: heads('税务局'),
  customs: heads('海关'),
  'financial-regulation': heads('金融监管局|银保监局'),
  'securities-regulation': heads('证监局'),
  communications: heads('通信管理局'),
  postal: heads('邮政管理局'),
  meteorology: heads('气象局'),
  'fire-rescue': heads('消防救援支队|消防救援大队|消防救援总队'),
  survey: heads('调查队|调查总队'),
  publicity: heads('委宣传部|党委宣传部'),
  organization: heads('委组织部|党委组织部'),
  cyberspace: heads('委网信办|党委网信办|网信办'),
  'united-front': heads('委统战部'),
  'political-legal': heads('委政法委'),
  establishment: heads('委编办'),
  'rural-work': heads('委农办'),
  'trade-union': heads('总工会'),
  women: heads('妇联'),
  'youth-league': heads('团委'),
  'science-association': heads('科协'),
  'federation-industry-commerce': heads('工商联'),
  'supply-marketing': heads('供销社|供销合作社|供销合作联社'),
};

const FUNCTION_ENTRIES = Object.entries(FUNCTION_HEADS) as [UnitFunction, FunctionHeads][];

/** A head is tried against every function's pattern, and the clause grammar asks about the same few heads again and again. */
const functions = new NameMemo((simplifiedHead: string) => FUNCTION_ENTRIES.find(([, { local }]) => local.test(simplifiedHead))?.[0]);

/** The function a head names (财政局 → finance), when it names one in full. */
export function functionOfHead(simplifiedHead: string): UnitFunction | undefined {
  return functions.get(simplifiedHead);
}

/** The English of a local body of that function (`Finance Bureau`), when the lexicon has one. */
export function englishHead(unitFunction: UnitFunction): string | undefined {
  return FUNCTION_HEADS[unitFunction]?.en;
}
