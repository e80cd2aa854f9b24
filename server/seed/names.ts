/**
 * Realistic (invented) Chinese reference data for the generator: region names, the departments
 * of a local government with their budget units, finance sections, and project name templates per
 * department with their functional classification (功能分类) codes, modelled on the government
 * revenue and expenditure classification (政府收支分类科目: 类 3 digits, 款 5, 项 7).
 *
 * Place names are invented; region codes follow the GB/T 2260 pattern (PP CC DD). Every name
 * derived from a code is a pure function of that code (so the same code always has the same
 * name, whatever the seed).
 */
import { Rng } from './random.ts';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';
export type BudgetKind = 'GENERAL_PUBLIC' | 'GOV_FUND' | 'SOE_CAPITAL' | 'SOCIAL_INSURANCE';
export const BUDGET_KINDS: readonly BudgetKind[] = [
  'GENERAL_PUBLIC',
  'GOV_FUND',
  'SOE_CAPITAL',
  'SOCIAL_INSURANCE',
];

// ---------------------------------------------------------------------------------------------
// Functional classification (支出功能分类), the 类 level.

export const FUNC_CATEGORIES: Readonly<Record<string, string>> = {
  '201': '一般公共服务支出',
  '204': '公共安全支出',
  '205': '教育支出',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出',
  '209': '社会保险基金支出',
  '210': '卫生健康支出',
  '211': '节能环保支出',
  '212': '城乡社区支出',
  '213': '农林水支出',
  '214': '交通运输支出',
  '215': '资源勘探工业信息等支出',
  '216': '商业服务业等支出',
  '220': '自然资源海洋气象等支出',
  '221': '住房保障支出',
  '222': '粮油物资储备支出',
  '223': '国有资本经营预算支出',
  '224': '灾害防治及应急管理支出',
  '229': '其他支出',
};

/** The 类 (first 3 digits) of a 7-digit functional classification code. */
export function funcCategory(funcClass: string): string {
  return funcClass.slice(0, 3);
}

// ---------------------------------------------------------------------------------------------
// Finance sections (财政业务归口处室/科/股).

export type SectionKey = 'JKW' | 'NY' | 'SB' | 'JJ' | 'XZ' | 'ZY';

export interface SectionSpec {
  key: SectionKey;
  code: string;
  /** Base name; the level adds 处 (province), 科 (city) or 股 (county). */
  name: string;
}

export const SECTIONS: readonly SectionSpec[] = [
  { key: 'JKW', code: '01', name: '教科文' },
  { key: 'NY', code: '02', name: '农业农村' },
  { key: 'SB', code: '03', name: '社会保障' },
  { key: 'JJ', code: '04', name: '经济建设' },
  { key: 'XZ', code: '05', name: '行政政法' },
  { key: 'ZY', code: '06', name: '资源环境' },
];

export function sectionName(spec: SectionSpec, level: RegionLevel): string {
  return spec.name + (level === 'PROVINCE' ? '处' : level === 'CITY' ? '科' : '股');
}

// ---------------------------------------------------------------------------------------------
// Project templates.

export type AgencyChoice = 'main' | 'sub' | 'any';

export interface ProjectTemplate {
  /**
   * May contain {town} (a township, or a lower region at city/province level), {village} (a village
   * with its township), {agency} (the project's unit), {company} (a state-owned enterprise).
   */
  name: string;
  /** 7-digit functional classification code. */
  func: string;
  kind: BudgetKind;
  /** Relative weight among the department's templates of the same kind. */
  w: number;
  /** Multiplier of the amount's median. */
  scale: number;
  /** The project's unit: one whose name contains one of these (else any unit of the department). */
  match: readonly string[] | null;
  at: AgencyChoice;
  /** Probability that a new project runs over several years. */
  multi: number;
  /** Probabilities of the flags. */
  debt: number;
  ppp: number;
  service: number;
  fund: number;
  /** No placeholder: at most one such project per region and year (a second gets 二期, 三期…). */
  once: boolean;
  /** One of the templates every department has (genericTemplates). */
  generic: boolean;
}

interface TemplateOptions {
  kind?: BudgetKind;
  w?: number;
  scale?: number;
  match?: string;
  at?: AgencyChoice;
  multi?: number;
  debt?: number;
  ppp?: number;
  service?: number;
  fund?: number;
}

export const DEFAULT_FLAG_RATES = { debt: 0.004, ppp: 0.001, service: 0.03, fund: 0.0005 } as const;

function t(name: string, func: string, o: TemplateOptions = {}): ProjectTemplate {
  const once = !/\{(town|village|agency|company)\}/.test(name);
  return {
    name,
    func,
    kind: o.kind ?? 'GENERAL_PUBLIC',
    w: o.w ?? 1,
    scale: o.scale ?? 1,
    match: o.match ? o.match.split('|') : null,
    at: o.at ?? (name.includes('{agency}') ? 'any' : o.match ? 'sub' : 'main'),
    multi: o.multi ?? 0.25,
    debt: o.debt ?? DEFAULT_FLAG_RATES.debt,
    ppp: o.ppp ?? DEFAULT_FLAG_RATES.ppp,
    service: o.service ?? DEFAULT_FLAG_RATES.service,
    fund: o.fund ?? DEFAULT_FLAG_RATES.fund,
    once,
    generic: false,
  };
}

/** Templates every department has, classified under the department's own `func`. */
export function genericTemplates(func: string): ProjectTemplate[] {
  return [
    t('{agency}专项业务工作经费', func, { w: 1.2, scale: 0.35 }),
    t('{agency}信息化建设与运维', func, { w: 0.5, scale: 0.6, service: 0.3 }),
    t('{agency}业务用房维修改造', func, { w: 0.3, scale: 1.2, multi: 0.2 }),
    t('{agency}专用设备购置', func, { w: 0.4, scale: 0.5 }),
    t('{agency}政府购买辅助性服务', func, { w: 0.25, scale: 0.4, service: 0.95 }),
    t('{agency}业务能力培训', func, { w: 0.2, scale: 0.15 }),
    t('{agency}宣传与公共服务推广', func, { w: 0.15, scale: 0.15 }),
    t('{agency}安全生产与消防设施改造', func, { w: 0.15, scale: 0.3 }),
    t('{agency}档案整理与数字化', func, { w: 0.1, scale: 0.2, service: 0.6 }),
    t('{agency}编外聘用人员经费', func, { w: 0.2, scale: 0.5 }),
  ].map((x) => ({ ...x, generic: true }));
}

// ---------------------------------------------------------------------------------------------
// Departments (部门) and their budget units (预算单位).

export interface DeptSpec {
  key: string;
  /** 3-digit department code, the same in every region. */
  code: string;
  /** Name without the level prefix, or with {p} where the prefix goes (县委组织部 → '{p}委组织部'). */
  name: string;
  /** Name at province level when it differs (教育厅). */
  province?: string;
  section: SectionKey;
  /** Always present (else optional, drawn per region). */
  core: boolean;
  levels: readonly RegionLevel[];
  /** Share of the region's projects. */
  w: number;
  /** Share of the region's budget units beyond the main one. */
  uw: number;
  /** Unit names in order; '*' is the department's own unit (本级, named like the department). */
  units: readonly string[];
  /** County only: unit name patterns per township ({town}卫生院). */
  town: readonly string[];
  /** Upper levels: numbered extra units ('第{n}中学'). */
  extra: string | null;
  /** Default functional class of the department (generic templates). */
  func: string;
  templates: readonly ProjectTemplate[];
}

const ALL: readonly RegionLevel[] = ['PROVINCE', 'CITY', 'COUNTY'];
const LOCAL: readonly RegionLevel[] = ['CITY', 'COUNTY'];

interface DeptInput extends Omit<
  DeptSpec,
  'code' | 'levels' | 'town' | 'extra' | 'uw' | 'core' | 'templates'
> {
  levels?: readonly RegionLevel[];
  town?: readonly string[];
  extra?: string | null;
  uw?: number;
  core?: boolean;
  templates: readonly ProjectTemplate[];
}

const DEPT_INPUT: readonly DeptInput[] = [
  {
    key: 'education',
    name: '教育局',
    province: '省教育厅',
    section: 'JKW',
    w: 14,
    uw: 30,
    func: '2050199',
    units: [
      '教师进修学校',
      '*',
      '第一中学',
      '第二中学',
      '实验中学',
      '职业中等专业学校',
      '实验小学',
      '第一小学',
      '第二小学',
      '特殊教育学校',
      '机关幼儿园',
      '学生资助管理中心',
      '教育考试中心',
    ],
    town: ['{town}中心小学', '{town}中学', '{town}中心幼儿园'],
    extra: '第{n}中学',
    templates: [
      t('乡村教师培训', '2050803', { match: '进修', scale: 0.6, w: 2 }),
      t('中小学骨干教师培训', '2050803', { match: '进修', scale: 0.4 }),
      t('义务教育薄弱环节改善与能力提升', '2050202', { scale: 6, multi: 0.6, debt: 0.1, w: 2 }),
      t('城乡义务教育公用经费补助', '2050202', { scale: 8, w: 2 }),
      t('学前教育发展资金', '2050201', { scale: 3 }),
      t('家庭经济困难学生生活补助', '2050202', { scale: 2, w: 1.5 }),
      t('农村义务教育学生营养改善计划', '2050202', { scale: 4 }),
      t('普通高中教育发展', '2050204', { scale: 3 }),
      t('中等职业教育国家助学金及免学费补助', '2050302', { match: '职业', scale: 1.5 }),
      t('特殊教育学校运转补助', '2050701', { match: '特殊', scale: 0.8 }),
      t('智慧校园建设', '2050299', { scale: 2, service: 0.2 }),
      t('校园安保服务', '2050299', { scale: 1.5, service: 0.9 }),
      t('{agency}校舍维修改造', '2050299', { match: '中学|小学|幼儿园|学校', w: 4, scale: 1.2 }),
      t('{agency}教学设备购置', '2050299', { match: '中学|小学|学校', w: 4, scale: 0.6 }),
      t('{agency}学生宿舍及食堂改造', '2050203', { match: '中学', w: 1.5, scale: 2.5, multi: 0.4 }),
      t('{agency}运动场地改造', '2050299', { match: '中学|小学', w: 1.5, scale: 1 }),
      t('{town}寄宿制学校建设', '2050203', { w: 1, scale: 6, multi: 0.6, debt: 0.15 }),
    ],
  },
  {
    key: 'health',
    name: '卫生健康委员会',
    province: '省卫生健康委员会',
    section: 'SB',
    w: 10,
    uw: 18,
    func: '2100199',
    units: [
      '*',
      '人民医院',
      '中医院',
      '妇幼保健院',
      '疾病预防控制中心',
      '卫生健康综合监督执法局',
      '第二人民医院',
      '急救中心',
      '精神卫生中心',
    ],
    town: ['{town}卫生院'],
    extra: '第{n}人民医院',
    templates: [
      t('基本公共卫生服务', '2100408', { scale: 8, w: 2 }),
      t('重大公共卫生服务', '2100409', { scale: 3 }),
      t('家庭医生签约服务', '2100408', { scale: 1.5 }),
      t('乡村医生补助', '2100302', { scale: 1.5 }),
      t('公立医院综合改革补助', '2100201', { scale: 4 }),
      t('计划生育家庭奖励扶助', '2100717', { scale: 2 }),
      t('医疗卫生人才引进培养', '2100199', { scale: 0.8 }),
      t('疾病预防控制能力建设', '2100401', { match: '疾病', scale: 1.5 }),
      t('免疫规划及传染病防控', '2100401', { match: '疾病', scale: 1 }),
      t('孕产妇及儿童健康服务', '2100403', { match: '妇幼', scale: 1 }),
      t('{agency}医疗设备购置', '2100201', { match: '医院', w: 3, scale: 3 }),
      t('{agency}业务用房改扩建', '2100201', { match: '医院', w: 1, scale: 10, multi: 0.7, debt: 0.15 }),
      t('{agency}基础设施改造', '2100302', { match: '卫生院', w: 4, scale: 1 }),
      t('{agency}基本医疗设备配置', '2100302', { match: '卫生院', w: 4, scale: 0.6 }),
      t('{village}卫生室标准化建设', '2100302', { w: 2, scale: 0.25 }),
    ],
  },
  {
    key: 'agriculture',
    name: '农业农村局',
    province: '省农业农村厅',
    section: 'NY',
    w: 11,
    uw: 9,
    func: '2130199',
    units: [
      '*',
      '农业技术推广中心',
      '畜牧兽医服务中心',
      '农业机械化服务中心',
      '农村经营管理站',
      '植保植检站',
      '农产品质量安全检验检测站',
      '土壤肥料工作站',
      '水产技术推广站',
      '农业综合行政执法大队',
    ],
    town: ['{town}农业综合服务中心'],
    extra: '第{n}农业科学研究所',
    templates: [
      t('耕地地力保护补贴', '2130122', { scale: 10, w: 1.5 }),
      t('农机购置与应用补贴', '2130122', { match: '机械', scale: 3 }),
      t('动物疫病防控', '2130108', { match: '畜牧', scale: 1.2 }),
      t('农作物病虫害统防统治', '2130108', { match: '植保', scale: 1 }),
      t('基层农技推广体系改革与建设', '2130106', { match: '技术推广', scale: 0.8 }),
      t('农产品质量安全监管', '2130110', { match: '质量安全', scale: 0.6 }),
      t('农业产业化龙头企业扶持', '2130122', { scale: 2 }),
      t('衔接推进乡村振兴补助', '2130505', { scale: 10, w: 1.5 }),
      t('农村人居环境整治', '2130126', { scale: 3 }),
      t('{town}高标准农田建设', '2130153', { w: 4, scale: 8, multi: 0.5, debt: 0.12 }),
      t('{town}特色产业发展', '2130505', { w: 3, scale: 1.5 }),
      t('{village}人居环境整治', '2130126', { w: 5, scale: 0.5 }),
      t('{village}集体经济发展扶持', '2130706', { w: 4, scale: 0.5 }),
      t('{village}产业路建设', '2130504', { w: 3, scale: 0.8 }),
      t('{town}农村基础设施建设（土地出让收入）', '2120804', { kind: 'GOV_FUND', w: 4, scale: 3 }),
      t('{town}农业生产发展（土地出让收入）', '2120814', { kind: 'GOV_FUND', w: 2, scale: 2 }),
      t('{village}农村基础设施建设（土地出让收入）', '2120804', { kind: 'GOV_FUND', w: 4, scale: 0.8 }),
      t('{village}人居环境整治（土地出让收入）', '2120816', { kind: 'GOV_FUND', w: 2, scale: 0.5 }),
      t('{town}农村社会事业发展（土地出让收入）', '2120815', { kind: 'GOV_FUND', w: 1, scale: 1 }),
    ],
  },
  {
    key: 'transport',
    name: '交通运输局',
    province: '省交通运输厅',
    section: 'JJ',
    w: 5,
    uw: 4,
    func: '2140199',
    units: [
      '*',
      '公路事业发展中心',
      '交通运输综合行政执法大队',
      '农村公路管理所',
      '运输服务中心',
      '港航事业发展中心',
    ],
    town: [],
    extra: '第{n}公路养护中心',
    templates: [
      t('农村公路养护', '2140106', { scale: 4, w: 1.5, service: 0.2 }),
      t('国省干线公路路面大修', '2140106', { match: '公路', scale: 10, multi: 0.5, debt: 0.1 }),
      t('城乡客运补贴', '2140112', { scale: 2 }),
      t('交通运输信息化建设', '2140109', { scale: 1 }),
      t('道路运输安全监管', '2140110', { scale: 0.5 }),
      t('{town}农村公路提质改造', '2140104', { w: 5, scale: 5, multi: 0.5, debt: 0.15 }),
      t('{town}危桥改造', '2140104', { w: 2, scale: 3, multi: 0.4 }),
      t('{village}通组公路硬化', '2140104', { w: 4, scale: 0.8 }),
      t('{town}客运站建设', '2140104', { w: 0.5, scale: 4, ppp: 0.15, multi: 0.6 }),
      t('{town}收费公路建设（专项债券）', '2146001', {
        kind: 'GOV_FUND',
        w: 1,
        scale: 15,
        multi: 0.8,
        debt: 1,
      }),
    ],
  },
  {
    key: 'hrss',
    name: '人力资源和社会保障局',
    province: '省人力资源和社会保障厅',
    section: 'SB',
    w: 5,
    uw: 4,
    func: '2080199',
    units: [
      '*',
      '就业创业服务中心',
      '社会保险事业中心',
      '劳动人事争议仲裁院',
      '劳动保障监察大队',
      '人才交流服务中心',
    ],
    town: [],
    extra: null,
    templates: [
      t('就业创业补贴', '2080701', { scale: 2 }),
      t('公益性岗位补贴', '2080705', { scale: 2 }),
      t('职业技能提升培训', '2080702', { scale: 1.5, service: 0.5 }),
      t('就业见习补贴', '2080711', { scale: 0.6 }),
      t('高层次人才引进', '2080199', { scale: 1.5 }),
      t('机关事业单位基本养老保险缴费', '2080505', { scale: 20 }),
      t('城乡居民基本养老保险财政补助', '2082602', { scale: 10 }),
      t('劳动保障监察执法', '2080199', { match: '监察', scale: 0.3 }),
      t('{town}零工市场建设', '2080701', { w: 2, scale: 0.6 }),
      t('城乡居民基本养老保险基金支出', '2090401', { kind: 'SOCIAL_INSURANCE', scale: 30, w: 3 }),
      t('机关事业单位基本养老保险基金支出', '2090501', { kind: 'SOCIAL_INSURANCE', scale: 40, w: 3 }),
      t('失业保险基金支出', '2090701', { kind: 'SOCIAL_INSURANCE', scale: 3, w: 1.5 }),
      t('工伤保险基金支出', '2090601', { kind: 'SOCIAL_INSURANCE', scale: 2, w: 1 }),
      t('{town}城乡居民基础养老金发放', '2090401', { kind: 'SOCIAL_INSURANCE', scale: 2, w: 8 }),
      t('{town}城乡居民个人账户养老金发放', '2090402', { kind: 'SOCIAL_INSURANCE', scale: 0.8, w: 6 }),
      t('{town}被征地农民养老保险补贴', '2090499', { kind: 'SOCIAL_INSURANCE', scale: 0.6, w: 3 }),
    ],
  },
  {
    key: 'civil',
    name: '民政局',
    province: '省民政厅',
    section: 'SB',
    w: 5,
    uw: 8,
    func: '2080299',
    units: ['*', '社会福利院', '救助管理站', '殡仪馆', '养老服务中心', '儿童福利院', '光荣院'],
    town: ['{town}敬老院'],
    extra: null,
    templates: [
      t('城乡最低生活保障', '2081902', { scale: 12, w: 2 }),
      t('特困人员救助供养', '2082102', { scale: 4 }),
      t('临时救助', '2082001', { scale: 1.5 }),
      t('居家和社区养老服务', '2081006', { scale: 2, service: 0.6 }),
      t('高龄津贴', '2081002', { scale: 2 }),
      t('孤儿和事实无人抚养儿童基本生活保障', '2081001', { scale: 0.8 }),
      t('殡葬改革惠民', '2080299', { scale: 1 }),
      t('{agency}基础设施改造', '2081002', { match: '敬老院|福利院|光荣院', w: 3, scale: 0.8 }),
      t('{town}居家养老服务站建设', '2081006', { w: 2, scale: 0.4, service: 0.4 }),
      t('养老服务体系建设（福利彩票公益金）', '2296002', { kind: 'GOV_FUND', scale: 2, w: 2 }),
      t('{town}农村幸福院建设（彩票公益金）', '2296002', { kind: 'GOV_FUND', scale: 0.4, w: 3 }),
      t('{village}互助养老点建设（彩票公益金）', '2296002', { kind: 'GOV_FUND', scale: 0.1, w: 2 }),
    ],
  },
  {
    key: 'finance',
    name: '财政局',
    province: '省财政厅',
    section: 'XZ',
    w: 2.5,
    uw: 3,
    func: '2010699',
    units: ['*', '财政投资评审中心', '国库集中支付中心', '非税收入征收管理中心', '会计核算中心'],
    town: ['{town}财政所'],
    extra: null,
    templates: [
      t('预算管理一体化系统运维', '2010607', { scale: 1.5, service: 0.5 }),
      t('财政投资评审', '2010608', { match: '评审', scale: 1, service: 0.6 }),
      t('预算绩效管理第三方评价', '2010604', { scale: 0.8, service: 0.9 }),
      t('会计人员继续教育', '2010699', { scale: 0.2 }),
      t('政府采购监管', '2010699', { scale: 0.3 }),
      t('国有企业资本金注入（{company}）', '2230202', { kind: 'SOE_CAPITAL', scale: 15, w: 4 }),
      t('{company}政策性补贴', '2230301', { kind: 'SOE_CAPITAL', scale: 2, w: 3 }),
      t('{company}退休人员社会化管理补助', '2230105', { kind: 'SOE_CAPITAL', scale: 0.8, w: 3 }),
      t('{company}改革成本支出', '2230199', { kind: 'SOE_CAPITAL', scale: 1.5, w: 2 }),
      t('{company}历史遗留问题处置', '2230199', { kind: 'SOE_CAPITAL', scale: 1, w: 2 }),
      t('政府投资引导基金注资', '2150805', { scale: 20, fund: 1 }),
    ],
  },
  {
    key: 'development',
    name: '发展和改革局',
    province: '省发展和改革委员会',
    section: 'XZ',
    w: 2,
    uw: 2,
    func: '2010499',
    units: ['*', '价格认证中心', '重点项目服务中心', '粮食和物资储备中心', '节能监察中心'],
    town: [],
    extra: null,
    templates: [
      t('重点项目前期工作经费', '2010499', { scale: 3 }),
      t('地方储备粮油利息费用补贴', '2220115', { match: '粮食', scale: 3 }),
      t('价格监测与成本调查', '2010408', { scale: 0.3 }),
      t('社会信用体系建设', '2010499', { scale: 0.5 }),
      t('以工代赈项目', '2010499', { scale: 2 }),
      t('产业发展引导基金', '2150805', { scale: 15, fund: 1 }),
      t('国有企业资本金注入（交通投资集团）', '2230203', { kind: 'SOE_CAPITAL', scale: 15 }),
    ],
  },
  {
    key: 'police',
    name: '公安局',
    province: '省公安厅',
    section: 'XZ',
    w: 4,
    uw: 5,
    func: '2040299',
    units: ['*', '看守所', '拘留所', '交通警察大队', '戒毒所', '出入境管理服务中心'],
    town: ['{town}派出所'],
    extra: null,
    templates: [
      t('公安信息化建设', '2040219', { scale: 3 }),
      t('执法办案经费', '2040220', { scale: 2 }),
      t('视频监控系统运维', '2040219', { scale: 1.5, service: 0.6 }),
      t('禁毒专项经费', '2040221', { scale: 0.5 }),
      t('辅警经费保障', '2040299', { scale: 6 }),
      t('道路交通安全管理', '2040220', { match: '交通', scale: 1 }),
      t('{agency}监所运行保障', '2040220', { match: '看守|拘留|戒毒', w: 1.5, scale: 0.8 }),
      t('{agency}执法执勤装备购置', '2040220', { w: 2, scale: 0.4 }),
    ],
  },
  {
    key: 'justice',
    name: '司法局',
    province: '省司法厅',
    section: 'XZ',
    w: 1.5,
    uw: 3,
    func: '2040699',
    units: ['*', '公证处', '法律援助中心', '社区矫正中心'],
    town: ['{town}司法所'],
    extra: null,
    templates: [
      t('法律援助', '2040607', { scale: 0.6, service: 0.4 }),
      t('普法宣传', '2040605', { scale: 0.3 }),
      t('人民调解', '2040606', { scale: 0.3 }),
      t('社区矫正', '2040610', { scale: 0.4 }),
      t('公共法律服务体系建设', '2040699', { scale: 0.6, service: 0.3 }),
      t('{agency}业务装备购置', '2040604', { match: '司法所', w: 2, scale: 0.1 }),
    ],
  },
  {
    key: 'housing',
    name: '住房和城乡建设局',
    province: '省住房和城乡建设厅',
    section: 'JJ',
    w: 5,
    uw: 4,
    func: '2120199',
    units: [
      '*',
      '建设工程质量安全监督站',
      '房产服务中心',
      '城市建设服务中心',
      '住房保障服务中心',
      '建筑市场管理站',
    ],
    town: [],
    extra: null,
    templates: [
      t('城镇老旧小区改造', '2210108', { scale: 10, multi: 0.6, debt: 0.25 }),
      t('农村危房改造', '2210105', { scale: 2 }),
      t('保障性住房租赁补贴', '2210107', { scale: 1.5 }),
      t('公共租赁住房运营管理', '2210106', { scale: 1, service: 0.3 }),
      t('城区排水管网改造', '2120303', { scale: 8, multi: 0.6, debt: 0.2 }),
      t('城镇污水处理设施建设', '2110302', { scale: 12, multi: 0.7, ppp: 0.3 }),
      t('{town}集镇基础设施建设', '2120303', { w: 3, scale: 3, multi: 0.4 }),
      t('{town}老旧小区改造', '2210108', { w: 2, scale: 4, multi: 0.5, debt: 0.2 }),
      t('城市建设支出（土地出让收入）', '2120803', { kind: 'GOV_FUND', scale: 10 }),
      t('{town}城市道路建设（专项债券）', '2120803', {
        kind: 'GOV_FUND',
        w: 3,
        scale: 15,
        multi: 0.8,
        debt: 1,
      }),
      t('{town}棚户区改造（土地出让收入）', '2120810', { kind: 'GOV_FUND', w: 2, scale: 8, multi: 0.6 }),
      t('{town}保障性租赁住房建设（专项债券）', '2120811', {
        kind: 'GOV_FUND',
        w: 1,
        scale: 12,
        multi: 0.8,
        debt: 1,
      }),
      t('{town}市政基础设施配套（土地出让收入）', '2120803', { kind: 'GOV_FUND', w: 2, scale: 3 }),
    ],
  },
  {
    key: 'urban',
    name: '城市管理局',
    section: 'JJ',
    levels: LOCAL,
    w: 3,
    uw: 4,
    func: '2120199',
    units: [
      '*',
      '环境卫生管理所',
      '城市管理综合行政执法大队',
      '市政设施维护中心',
      '园林绿化中心',
      '路灯管理所',
    ],
    town: [],
    extra: null,
    templates: [
      t('城区环卫保洁', '2120501', { scale: 6, service: 0.7 }),
      t('生活垃圾清运处置', '2120501', { scale: 4, ppp: 0.1, service: 0.4 }),
      t('市政设施维护', '2120399', { scale: 2 }),
      t('城市照明运行维护', '2120399', { match: '路灯', scale: 1 }),
      t('园林绿化养护', '2120399', { match: '园林', scale: 1.5, service: 0.5 }),
      t('城市管理执法', '2120104', { match: '执法', scale: 0.5 }),
      t('{town}垃圾中转站建设', '2120501', { w: 2, scale: 1.5 }),
      t('{town}公厕提升改造', '2120501', { w: 2, scale: 0.3 }),
      t('城市公园建设（土地出让收入）', '2120803', { kind: 'GOV_FUND', scale: 5, multi: 0.5 }),
    ],
  },
  {
    key: 'water',
    name: '水利局',
    province: '省水利厅',
    section: 'NY',
    w: 4,
    uw: 5,
    func: '2130399',
    units: ['*', '水利工程管理站', '水土保持站', '防汛抗旱服务中心', '农村饮水安全管理站', '水文站'],
    town: ['{town}水利站'],
    extra: null,
    templates: [
      t('防汛物资储备', '2130314', { scale: 0.6 }),
      t('水土保持综合治理', '2130310', { match: '水土', scale: 2, multi: 0.4 }),
      t('河湖长制工作经费', '2130311', { scale: 0.5 }),
      t('大中型水库移民后期扶持', '2130321', { scale: 2 }),
      t('水利工程运行维护', '2130306', { match: '工程', scale: 1.5 }),
      t('{town}小型水库除险加固', '2130305', { w: 3, scale: 3, multi: 0.5, debt: 0.1 }),
      t('{town}农村供水保障', '2130335', { w: 4, scale: 2, multi: 0.3 }),
      t('{town}中小河流治理', '2130319', { w: 2, scale: 6, multi: 0.7, debt: 0.15 }),
      t('{village}山塘整治', '2130316', { w: 3, scale: 0.3 }),
      t('{town}库区基础设施建设', '2136601', { kind: 'GOV_FUND', w: 2, scale: 1.5 }),
      t('{village}水库移民后期扶持项目', '2136601', { kind: 'GOV_FUND', w: 2, scale: 0.3 }),
      t('重大水利工程建设（专项债券）', '2136902', { kind: 'GOV_FUND', scale: 20, multi: 0.9, debt: 1 }),
    ],
  },
  {
    key: 'ecology',
    name: '生态环境局',
    province: '省生态环境厅',
    section: 'ZY',
    w: 2.5,
    uw: 2,
    func: '2110199',
    units: ['*', '生态环境监测站', '生态环境保护综合行政执法大队', '环境信息中心'],
    town: [],
    extra: null,
    templates: [
      t('大气污染防治', '2110301', { scale: 2 }),
      t('水污染防治', '2110302', { scale: 3 }),
      t('土壤污染防治', '2110303', { scale: 1.5 }),
      t('生态环境监测', '2111101', { match: '监测', scale: 1, service: 0.4 }),
      t('秸秆禁烧及综合利用', '2110301', { scale: 0.8 }),
      t('生态环境执法', '2110199', { match: '执法', scale: 0.4 }),
      t('{town}农村环境综合整治', '2110402', { w: 4, scale: 1.5 }),
      t('{town}农村生活污水治理', '2110302', { w: 3, scale: 2, ppp: 0.05 }),
    ],
  },
  {
    key: 'resources',
    name: '自然资源局',
    province: '省自然资源厅',
    section: 'ZY',
    w: 3,
    uw: 4,
    func: '2200199',
    units: ['*', '不动产登记中心', '土地储备中心', '自然资源执法大队', '测绘地理信息中心'],
    town: ['{town}自然资源所'],
    extra: null,
    templates: [
      t('国土空间规划编制', '2200104', { scale: 2, service: 0.5 }),
      t('不动产登记', '2200109', { match: '不动产', scale: 0.6 }),
      t('耕地保护与占补平衡', '2200106', { scale: 2 }),
      t('地质灾害防治', '2200106', { scale: 1.5 }),
      t('自然资源确权登记', '2200109', { scale: 0.8 }),
      t('{town}土地综合整治', '2200106', { w: 3, scale: 2, multi: 0.4 }),
      t('{town}征地和拆迁补偿', '2120801', { kind: 'GOV_FUND', w: 5, scale: 10 }),
      t('{town}土地开发', '2120802', { kind: 'GOV_FUND', w: 3, scale: 5 }),
      t('{village}土地复垦', '2120802', { kind: 'GOV_FUND', w: 2, scale: 0.8 }),
      t('{town}被征地农民补助', '2120805', { kind: 'GOV_FUND', w: 2, scale: 2 }),
      t('土地储备（专项债券）', '2120802', { kind: 'GOV_FUND', scale: 20, debt: 1 }),
    ],
  },
  {
    key: 'forestry',
    name: '林业局',
    province: '省林业局',
    section: 'NY',
    w: 2.5,
    uw: 4,
    func: '2130299',
    units: ['*', '林业技术推广站', '森林防火指挥中心', '国有林场', '森林资源监测站', '湿地公园管理处'],
    town: ['{town}林业站'],
    extra: null,
    templates: [
      t('森林防火', '2130234', { scale: 1 }),
      t('天然林保护', '2130207', { scale: 2 }),
      t('生态公益林补偿', '2130209', { scale: 3 }),
      t('林业有害生物防治', '2130234', { scale: 0.6 }),
      t('油茶产业发展', '2130211', { scale: 1.5 }),
      t('{town}造林绿化', '2130205', { w: 3, scale: 0.8 }),
      t('{town}森林抚育', '2130205', { w: 2, scale: 0.5 }),
    ],
  },
  {
    key: 'culture',
    name: '文化广电旅游体育局',
    province: '省文化和旅游厅',
    section: 'JKW',
    w: 3,
    uw: 5,
    func: '2070199',
    units: ['*', '图书馆', '文化馆', '博物馆', '文物保护中心', '体育中心', '旅游服务中心', '采茶剧团'],
    town: ['{town}综合文化站'],
    extra: null,
    templates: [
      t('公共图书馆免费开放', '2070104', { match: '图书馆', scale: 0.5 }),
      t('文化馆免费开放', '2070109', { match: '文化馆', scale: 0.5 }),
      t('送戏下乡', '2070108', { scale: 0.6, service: 0.4 }),
      t('文物保护', '2070204', { scale: 1.5 }),
      t('全民健身', '2070308', { scale: 0.8 }),
      t('旅游宣传推介', '2070112', { scale: 1 }),
      t('{town}综合文化站提升', '2070109', { w: 2, scale: 0.3 }),
      t('{village}农家书屋更新', '2070109', { w: 2, scale: 0.05 }),
      t('{town}全民健身场地建设（体育彩票公益金）', '2296003', { kind: 'GOV_FUND', w: 2, scale: 0.5 }),
      t('旅游发展基金', '2070701', { kind: 'GOV_FUND', scale: 1.5 }),
    ],
  },
  {
    key: 'science',
    name: '科学技术局',
    province: '省科学技术厅',
    section: 'JKW',
    w: 1.2,
    uw: 1,
    func: '2060199',
    units: ['*', '生产力促进中心', '科技情报研究所'],
    town: [],
    extra: '第{n}科学研究所',
    templates: [
      t('科技创新专项', '2060499', { scale: 3 }),
      t('科普活动', '2060702', { scale: 0.3 }),
      t('企业研发投入后补助', '2069999', { scale: 2 }),
      t('科技特派员', '2060499', { scale: 0.4 }),
      t('高新技术企业培育', '2069999', { scale: 1 }),
    ],
  },
  {
    key: 'industry',
    name: '工业和信息化局',
    province: '省工业和信息化厅',
    section: 'JJ',
    w: 1.5,
    uw: 1,
    func: '2150599',
    units: ['*', '中小企业服务中心', '无线电监测站'],
    town: [],
    extra: null,
    templates: [
      t('中小企业发展专项', '2150805', { scale: 2 }),
      t('工业企业技术改造奖补', '2150510', { scale: 3 }),
      t('数字经济发展', '2150599', { scale: 1.5 }),
      t('产业投资基金出资', '2150805', { scale: 20, fund: 1, w: 0.5 }),
      t('国有企业资本金注入（产业投资集团）', '2230203', { kind: 'SOE_CAPITAL', scale: 15 }),
    ],
  },
  {
    key: 'commerce',
    name: '商务局',
    province: '省商务厅',
    section: 'JJ',
    w: 1.2,
    uw: 1,
    func: '2160299',
    units: ['*', '招商服务中心', '电子商务服务中心'],
    town: [],
    extra: null,
    templates: [
      t('电子商务进农村综合示范', '2160299', { scale: 2 }),
      t('招商引资', '2011308', { scale: 1 }),
      t('外贸稳增长', '2011399', { scale: 0.8 }),
      t('县域商业体系建设', '2160299', { scale: 1.5 }),
      t('{town}农贸市场改造', '2160299', { w: 2, scale: 0.6 }),
    ],
  },
  {
    key: 'market',
    name: '市场监督管理局',
    province: '省市场监督管理局',
    section: 'XZ',
    w: 1.8,
    uw: 3,
    func: '2013899',
    units: ['*', '检验检测中心', '市场监管综合行政执法大队', '个体私营经济服务中心'],
    town: ['{town}市场监督管理所'],
    extra: null,
    templates: [
      t('食品安全抽检', '2013816', { scale: 0.6, service: 0.5 }),
      t('特种设备安全监管', '2013812', { scale: 0.3 }),
      t('知识产权保护', '2013805', { scale: 0.3 }),
      t('药品安全监管', '2013816', { scale: 0.3 }),
      t('12315投诉举报处理', '2013899', { scale: 0.2 }),
      t('{agency}快检设备购置', '2013816', { match: '监督管理所|检验', w: 2, scale: 0.1 }),
    ],
  },
  {
    key: 'emergency',
    name: '应急管理局',
    province: '省应急管理厅',
    section: 'ZY',
    w: 1.5,
    uw: 2,
    func: '2240199',
    units: ['*', '应急救援指挥中心', '安全生产执法大队', '应急物资储备中心'],
    town: [],
    extra: null,
    templates: [
      t('安全生产监管', '2240106', { scale: 0.6 }),
      t('应急物资储备', '2240108', { match: '物资', scale: 1 }),
      t('自然灾害救灾', '2240703', { scale: 2 }),
      t('防灾减灾能力建设', '2240601', { scale: 1.5 }),
      t('{town}应急避难场所建设', '2240601', { w: 1.5, scale: 0.5 }),
    ],
  },
  {
    key: 'audit',
    name: '审计局',
    province: '省审计厅',
    section: 'XZ',
    w: 0.8,
    uw: 1,
    func: '2010899',
    units: ['*', '政府投资审计中心'],
    town: [],
    extra: null,
    templates: [
      t('政府投资项目审计', '2010804', { scale: 0.8, service: 0.7 }),
      t('经济责任审计', '2010804', { scale: 0.3 }),
      t('审计信息化建设', '2010806', { scale: 0.6 }),
    ],
  },
  {
    key: 'statistics',
    name: '统计局',
    province: '省统计局',
    section: 'XZ',
    w: 0.8,
    uw: 1,
    func: '2010599',
    units: ['*', '统计普查中心'],
    town: [],
    extra: null,
    templates: [
      t('全国农业普查', '2010507', { scale: 1 }),
      t('统计专项调查', '2010507', { scale: 0.3 }),
      t('住户调查', '2010505', { scale: 0.3 }),
      t('统计信息化建设', '2010506', { scale: 0.3 }),
    ],
  },
  {
    key: 'government',
    name: '人民政府办公室',
    province: '省人民政府办公厅',
    section: 'XZ',
    w: 1.8,
    uw: 3,
    func: '2010399',
    units: ['*', '政务服务中心', '机关事务服务中心', '金融服务中心', '接待服务中心'],
    town: [],
    extra: null,
    templates: [
      t('政务服务中心运行', '2010350', { match: '政务', scale: 1 }),
      t('12345政务服务便民热线', '2010399', { scale: 0.5, service: 0.6 }),
      t('机关办公区物业服务', '2010350', { scale: 1, service: 0.9 }),
      t('公务用车运行维护', '2010399', { scale: 0.4 }),
      t('政府法律顾问', '2010399', { scale: 0.2, service: 0.9 }),
      t('应急值守与督查督办', '2010399', { scale: 0.2 }),
    ],
  },
  {
    key: 'veterans',
    name: '退役军人事务局',
    province: '省退役军人事务厅',
    section: 'SB',
    w: 1.5,
    uw: 2,
    func: '2082899',
    units: ['*', '退役军人服务中心', '烈士陵园管理所', '军供站'],
    town: [],
    extra: null,
    templates: [
      t('义务兵家庭优待金', '2080805', { scale: 2 }),
      t('伤残抚恤', '2080802', { scale: 1.5 }),
      t('退役士兵安置', '2082804', { scale: 1 }),
      t('优抚对象医疗保障', '2080899', { scale: 0.8 }),
      t('烈士纪念设施保护', '2080899', { match: '烈士', scale: 0.5 }),
    ],
  },
  {
    key: 'medical',
    name: '医疗保障局',
    province: '省医疗保障局',
    section: 'SB',
    w: 2.5,
    uw: 1,
    func: '2101599',
    units: ['*', '医疗保障事务中心'],
    town: [],
    extra: null,
    templates: [
      t('城乡居民医保补助', '2101202', { scale: 25, w: 2 }),
      t('城乡医疗救助', '2101301', { scale: 4 }),
      t('医疗保障信息化建设', '2101501', { scale: 0.8 }),
      t('医保基金监管', '2101599', { scale: 0.3 }),
      t('城乡居民基本医疗保险基金支出', '2091101', { kind: 'SOCIAL_INSURANCE', scale: 40, w: 3 }),
      t('城乡居民大病保险支出', '2091102', { kind: 'SOCIAL_INSURANCE', scale: 5, w: 1.5 }),
      t('职工基本医疗保险基金支出', '2091001', { kind: 'SOCIAL_INSURANCE', scale: 30, w: 2 }),
      t('{town}城乡居民医保待遇支付', '2091101', { kind: 'SOCIAL_INSURANCE', scale: 3, w: 8 }),
      t('{town}城乡居民医保门诊统筹支付', '2091101', { kind: 'SOCIAL_INSURANCE', scale: 1, w: 6 }),
      t('{town}城乡居民大病保险赔付', '2091102', { kind: 'SOCIAL_INSURANCE', scale: 0.8, w: 4 }),
    ],
  },
  {
    key: 'disabled',
    name: '残疾人联合会',
    province: '省残疾人联合会',
    section: 'SB',
    w: 1,
    uw: 1,
    func: '2081199',
    units: ['*', '残疾人康复中心', '残疾人就业服务所'],
    town: [],
    extra: null,
    templates: [
      t('残疾儿童康复救助', '2081104', { scale: 0.8 }),
      t('困难残疾人生活补贴和重度残疾人护理补贴', '2081107', { scale: 2 }),
      t('残疾人职业技能培训', '2081105', { scale: 0.3 }),
      t('{village}困难残疾人家庭无障碍改造', '2081199', { w: 1, scale: 0.1 }),
    ],
  },
  {
    key: 'organization',
    name: '{p}委组织部',
    section: 'XZ',
    w: 1.5,
    uw: 1,
    func: '2013299',
    units: ['*', '党员教育中心', '老干部服务中心'],
    town: [],
    extra: null,
    templates: [
      t('村级组织运转经费保障', '2130705', { scale: 6 }),
      t('干部教育培训', '2013202', { scale: 0.6 }),
      t('人才工作专项', '2013299', { scale: 1 }),
      t('党员教育', '2013299', { scale: 0.3 }),
      t('{village}党群服务中心建设', '2130705', { w: 2, scale: 0.3 }),
    ],
  },
  {
    key: 'party-office',
    name: '{p}委办公室',
    section: 'XZ',
    w: 0.8,
    uw: 1,
    func: '2013199',
    units: ['*', '机要保密技术服务中心'],
    town: [],
    extra: null,
    templates: [t('机要通信保障', '2013199', { scale: 0.3 }), t('督查督办', '2013199', { scale: 0.2 })],
  },
  {
    key: 'propaganda',
    name: '{p}委宣传部',
    section: 'XZ',
    w: 1,
    uw: 1,
    func: '2013399',
    units: ['*', '融媒体中心', '新时代文明实践指导中心'],
    town: [],
    extra: null,
    templates: [
      t('新时代文明实践中心建设', '2013399', { scale: 0.6 }),
      t('文明城市创建', '2013399', { scale: 1.5 }),
      t('融媒体中心建设', '2070899', { match: '融媒体', scale: 1.5 }),
      t('{town}新时代文明实践所建设', '2013399', { w: 1, scale: 0.1 }),
    ],
  },
  {
    key: 'political-legal',
    name: '{p}委政法委员会',
    section: 'XZ',
    w: 0.8,
    uw: 1,
    func: '2013699',
    units: ['*', '社会治安综合治理中心'],
    town: [],
    extra: null,
    templates: [
      t('网格化服务管理', '2013699', { scale: 1 }),
      t('平安建设', '2013699', { scale: 0.6 }),
      t('见义勇为奖励', '2013699', { scale: 0.1 }),
    ],
  },
  {
    key: 'congress',
    name: '人大常委会办公室',
    section: 'XZ',
    w: 0.7,
    uw: 0,
    func: '2010199',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('人民代表大会会议', '2010104', { scale: 0.4 }),
      t('人大代表履职', '2010107', { scale: 0.3 }),
      t('人大监督工作', '2010108', { scale: 0.2 }),
    ],
  },
  {
    key: 'cppcc',
    name: '政协办公室',
    section: 'XZ',
    w: 0.6,
    uw: 0,
    func: '2010299',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('政协会议', '2010204', { scale: 0.3 }),
      t('委员视察调研', '2010205', { scale: 0.1 }),
      t('文史资料编撰', '2010299', { scale: 0.1 }),
    ],
  },
  {
    key: 'discipline',
    name: '{p}纪委监委',
    section: 'XZ',
    w: 0.8,
    uw: 1,
    func: '2011199',
    units: ['*', '廉政教育中心'],
    town: [],
    extra: null,
    templates: [
      t('纪检监察业务', '2011104', { scale: 0.4 }),
      t('廉政教育基地运行', '2011199', { match: '廉政', scale: 0.2 }),
      t('纪检监察信息化建设', '2011199', { scale: 0.5 }),
    ],
  },
  {
    key: 'court',
    name: '人民法院',
    province: '省高级人民法院',
    section: 'XZ',
    w: 1.2,
    uw: 1,
    func: '2040599',
    units: ['*'],
    town: ['{town}人民法庭'],
    extra: '第{n}中级人民法院',
    templates: [
      t('审判业务经费', '2040504', { scale: 1 }),
      t('执行业务经费', '2040504', { scale: 0.5 }),
      t('智慧法院建设', '2040505', { scale: 1.5 }),
      t('{agency}审判法庭维修', '2040599', { w: 1, scale: 0.3 }),
    ],
  },
  {
    key: 'procuratorate',
    name: '人民检察院',
    province: '省人民检察院',
    section: 'XZ',
    w: 0.9,
    uw: 0,
    func: '2040499',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('检察业务经费', '2040404', { scale: 0.8 }),
      t('公益诉讼', '2040404', { scale: 0.2 }),
      t('智慧检务建设', '2040405', { scale: 1 }),
    ],
  },
  {
    key: 'fire',
    name: '消防救援大队',
    province: '省消防救援总队',
    section: 'ZY',
    w: 1.2,
    uw: 1,
    func: '2240299',
    units: ['*', '政府专职消防队'],
    town: [],
    extra: '第{n}消防救援站',
    templates: [
      t('消防装备购置', '2240204', { scale: 1.5 }),
      t('政府专职消防员经费', '2240299', { scale: 2 }),
      t('{town}消防站建设', '2240204', { w: 1.5, scale: 3, multi: 0.5 }),
    ],
  },
  // Optional departments (a region has some of them).
  {
    key: 'youth',
    name: '团{p}委',
    core: false,
    section: 'XZ',
    w: 0.4,
    uw: 0,
    func: '2012999',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('青少年权益保护', '2012999', { scale: 0.1 }),
      t('青年创业就业帮扶', '2012999', { scale: 0.2 }),
    ],
  },
  {
    key: 'women',
    name: '妇女联合会',
    core: false,
    section: 'XZ',
    w: 0.4,
    uw: 0,
    func: '2012999',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('妇女儿童权益维护', '2012999', { scale: 0.1 }),
      t('巾帼创业就业', '2012999', { scale: 0.2 }),
    ],
  },
  {
    key: 'archives',
    name: '档案馆',
    core: false,
    section: 'XZ',
    w: 0.4,
    uw: 0,
    func: '2012604',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('档案数字化', '2012604', { scale: 0.5, service: 0.6 }),
      t('馆藏档案保护', '2012604', { scale: 0.2 }),
    ],
  },
  {
    key: 'approval',
    name: '行政审批局',
    core: false,
    section: 'XZ',
    w: 0.6,
    uw: 1,
    func: '2010399',
    units: ['*', '政务服务大厅管理中心'],
    town: [],
    extra: null,
    templates: [
      t('一网通办平台运维', '2010399', { scale: 0.6 }),
      t('政务服务事项标准化', '2010399', { scale: 0.2 }),
    ],
  },
  {
    key: 'petition',
    name: '信访局',
    core: false,
    section: 'XZ',
    w: 0.4,
    uw: 0,
    func: '2010308',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('信访工作经费', '2010308', { scale: 0.3 }),
      t('矛盾纠纷多元化解', '2010308', { scale: 0.2 }),
    ],
  },
  {
    key: 'supply',
    name: '供销合作社联合社',
    core: false,
    section: 'NY',
    w: 0.5,
    uw: 1,
    func: '2130124',
    units: ['*', '农资储备中心'],
    town: [],
    extra: null,
    templates: [
      t('农资储备', '2130124', { scale: 0.8 }),
      t('供销社综合改革', '2130124', { scale: 0.4 }),
      t('{town}为农服务中心建设', '2130124', { w: 1, scale: 0.4 }),
    ],
  },
  {
    key: 'commerce-fed',
    name: '工商业联合会',
    core: false,
    section: 'XZ',
    w: 0.3,
    uw: 0,
    func: '2012999',
    units: ['*'],
    town: [],
    extra: null,
    templates: [t('民营经济服务', '2012999', { scale: 0.1 })],
  },
  {
    key: 'sci-assoc',
    name: '科学技术协会',
    core: false,
    section: 'JKW',
    w: 0.4,
    uw: 0,
    func: '2060702',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('全民科学素质提升', '2060702', { scale: 0.2 }),
      t('{town}科普e站建设', '2060702', { scale: 0.05 }),
    ],
  },
  {
    key: 'park',
    name: '工业园区管理委员会',
    core: false,
    section: 'JJ',
    w: 2,
    uw: 2,
    func: '2150599',
    units: ['*', '园区建设服务中心', '园区企业服务中心'],
    town: [],
    extra: null,
    templates: [
      t('园区基础设施建设', '2150599', { scale: 10, multi: 0.7, debt: 0.3 }),
      t('标准厂房建设（专项债券）', '2120803', { kind: 'GOV_FUND', scale: 20, multi: 0.8, debt: 1 }),
      t('园区招商引资', '2011308', { scale: 1 }),
      t('园区污水处理厂建设', '2110302', { scale: 8, ppp: 0.4, multi: 0.7 }),
      t('国有企业资本金注入（园区开发公司）', '2230202', { kind: 'SOE_CAPITAL', scale: 10 }),
    ],
  },
  {
    key: 'data',
    name: '数据局',
    core: false,
    section: 'XZ',
    w: 0.6,
    uw: 1,
    func: '2010399',
    units: ['*', '大数据中心'],
    town: [],
    extra: null,
    templates: [
      t('政务云服务', '2010399', { scale: 1.5, service: 0.8 }),
      t('数据共享交换平台建设', '2010399', { scale: 1 }),
    ],
  },
  {
    key: 'meteorology',
    name: '气象局',
    core: false,
    section: 'ZY',
    w: 0.5,
    uw: 1,
    func: '2200599',
    units: ['*', '气象台'],
    town: [],
    extra: null,
    templates: [
      t('人工影响天气', '2200509', { scale: 0.5 }),
      t('气象灾害监测预警', '2200504', { scale: 0.6 }),
    ],
  },
  {
    key: 'ethnic',
    name: '民族宗教事务局',
    core: false,
    section: 'XZ',
    w: 0.3,
    uw: 0,
    func: '2012399',
    units: ['*'],
    town: [],
    extra: null,
    templates: [t('少数民族发展', '2012304', { scale: 0.3 })],
  },
  {
    key: 'poverty-monitor',
    name: '乡村振兴服务中心',
    core: false,
    section: 'NY',
    w: 0.8,
    uw: 0,
    func: '2130599',
    units: ['*'],
    town: [],
    extra: null,
    templates: [
      t('防止返贫动态监测帮扶', '2130599', { scale: 0.5 }),
      t('雨露计划职业教育补助', '2130505', { scale: 0.6 }),
      t('{village}帮扶产业项目', '2130505', { w: 2, scale: 0.5 }),
    ],
  },
];

export const DEPARTMENTS: readonly DeptSpec[] = DEPT_INPUT.map((d, i) => ({
  ...d,
  code: String(101 + i),
  core: d.core ?? true,
  levels: d.levels ?? ALL,
  uw: d.uw ?? 1,
  town: d.town ?? [],
  extra: d.extra ?? null,
  templates: [...d.templates, ...genericTemplates(d.func)],
}));

export function deptByKey(key: string): DeptSpec {
  const d = DEPARTMENTS.find((x) => x.key === key);
  if (!d) throw new Error(`unknown department key ${key}`);
  return d;
}

/**
 * The prefix of names at a level: 省, 市, or for a county-level region 县 / 区 / 市 by its code
 * (GB/T 2260: suffix 01–20 district, 21–80 county, 81–99 county-level city).
 */
export function levelPrefix(level: RegionLevel, code: string): string {
  if (level === 'PROVINCE') return '省';
  if (level === 'CITY') return '市';
  const n = Number(code.slice(4, 6));
  return n <= 20 ? '区' : n <= 80 ? '县' : '市';
}

function withPrefix(name: string, prefix: string): string {
  return name.includes('{p}') ? name.replaceAll('{p}', prefix) : prefix + name;
}

export function deptName(spec: DeptSpec, level: RegionLevel, prefix: string): string {
  if (level === 'PROVINCE' && spec.province) return withPrefix(spec.province, prefix);
  return withPrefix(spec.name, prefix);
}

/** The name of a non-main unit ('第一中学' → '县第一中学'; '{town}卫生院' → '青石镇卫生院'). */
export function unitName(pattern: string, prefix: string, town?: string): string {
  if (pattern.includes('{town}')) return pattern.replaceAll('{town}', town ?? '');
  return withPrefix(pattern, prefix);
}

// ---------------------------------------------------------------------------------------------
// Transfer payment programmes (转移支付): an upper region allocates to its counties.

export interface TransferProgram {
  name: string;
  dept: string;
  func: string;
}

export const TRANSFER_PROGRAMS: readonly TransferProgram[] = [
  { name: '义务教育薄弱环节改善与能力提升补助资金', dept: 'education', func: '2050202' },
  { name: '学前教育发展资金', dept: 'education', func: '2050201' },
  { name: '基本公共卫生服务补助资金', dept: 'health', func: '2100408' },
  { name: '医疗服务与保障能力提升补助资金', dept: 'health', func: '2100302' },
  { name: '衔接推进乡村振兴补助资金', dept: 'agriculture', func: '2130505' },
  { name: '农田建设补助资金', dept: 'agriculture', func: '2130153' },
  { name: '农业相关转移支付资金', dept: 'agriculture', func: '2130122' },
  { name: '水利发展资金', dept: 'water', func: '2130319' },
  { name: '农村公路建设补助资金', dept: 'transport', func: '2140104' },
  { name: '困难群众救助补助资金', dept: 'civil', func: '2081902' },
  { name: '就业补助资金', dept: 'hrss', func: '2080799' },
  { name: '农村环境整治资金', dept: 'ecology', func: '2110402' },
  { name: '大气污染防治资金', dept: 'ecology', func: '2110301' },
  { name: '城镇保障性安居工程补助资金', dept: 'housing', func: '2210108' },
  { name: '公共文化服务体系建设补助资金', dept: 'culture', func: '2070109' },
  { name: '林业草原生态保护恢复资金', dept: 'forestry', func: '2130209' },
];

/** State-owned enterprises of a local government (with the level prefix: 县水务集团). */
export const COMPANIES: readonly string[] = [
  '城市建设投资集团',
  '交通投资集团',
  '产业投资集团',
  '水务集团',
  '文化旅游投资集团',
  '农业发展投资公司',
  '国有资产经营公司',
  '公共交通公司',
  '粮食购销公司',
  '融资担保公司',
  '林业开发公司',
  '城市燃气公司',
  '供销资产经营公司',
  '工业园区开发公司',
];

// ---------------------------------------------------------------------------------------------
// Place names.

/** Invented provinces by GB/T 2260 prefix. 36 (江南省) is reserved for the demo region. */
export const PROVINCES: Readonly<Record<string, string>> = {
  '13': '燕北省',
  '14': '河东省',
  '21': '辽海省',
  '22': '长白省',
  '23': '黑水省',
  '32': '江淮省',
  '33': '东越省',
  '34': '皖江省',
  '35': '闽海省',
  '36': '江南省',
  '37': '齐鲁省',
  '41': '中原省',
  '42': '荆楚省',
  '43': '湘江省',
  '44': '岭南省',
  '45': '桂岭省',
  '51': '巴蜀省',
  '52': '黔中省',
  '53': '滇南省',
  '61': '秦川省',
  '62': '陇右省',
};

export const DEMO_PROVINCE_PREFIX = '36';

/** Fixed names for the demo region's codes (the worked example's region 360121). */
export const NAME_OVERRIDES: Readonly<Record<string, string>> = {
  '360100': '青山市',
  '360121': '云溪县',
};

const FIRST_CHARS = [
  ...'青云石白金龙凤安平永清长新宁丰和华桃梅兰松柳泰高双太黄紫玉碧翠福广吉嘉乐临隆茂明庆瑞寿顺通万文兴延宜昌崇德东南西北鹤枫杉竹樟桂莲荷霞峡虹鸣泽润汉湘赣楚越秀岳',
];
const SECOND_CHARS = [
  ...'山溪川阳江河源丰宁安水城峰岭湖林田坪桥塘洲泉滨岗陵口亭谷原沙津昌华兴化远乐湾门溪屏冈岩浦渡',
];
const TOWN_SECOND = [...'山溪田坪桥塘洲泉岗口亭谷沙渡湾门屏冈岩浦埠铺市集圩家庄港坑垅岭'];
const VILLAGE_FIRST = [...'上下前后东西南北大小新老高低中里外石竹桃杨柳李张王陈刘黄周吴胡罗梅松枫兰荷莲花水'];
const VILLAGE_SECOND = [...'田塘坑湾岭坪家庄村园山溪桥洲垅屋坊冲畈埠口背源'];

const RESERVED = new Set(Object.values(NAME_OVERRIDES).map((n) => n.slice(0, 2)));

/** `count` distinct two-character names, deterministic for the key. */
export function twoCharNames(
  key: string,
  count: number,
  first = FIRST_CHARS,
  second = SECOND_CHARS,
): string[] {
  const rng = new Rng(['names', key]);
  const out: string[] = [];
  const used = new Set<string>(RESERVED);
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    const a = rng.pick(first);
    const b = rng.pick(second);
    if (a === b) continue;
    const n = a + b;
    if (used.has(n)) continue;
    used.add(n);
    out.push(n);
  }
  return out;
}

/** The name of a region, a function of its code alone. */
export function regionName(code: string, level: RegionLevel): string {
  const fixed = NAME_OVERRIDES[code];
  if (fixed) return fixed;
  const pp = code.slice(0, 2);
  if (level === 'PROVINCE') return PROVINCES[pp] ?? `${twoCharNames(`p${pp}`, 1)[0] ?? '中部'}省`;
  if (level === 'CITY') {
    const list = twoCharNames(`c${pp}0000`, 100);
    return `${list[Number(code.slice(2, 4))] ?? '新城'}市`;
  }
  const list = twoCharNames(`k${code.slice(0, 4)}00`, 100);
  return `${list[Number(code.slice(4, 6))] ?? '新城'}${levelPrefix('COUNTY', code)}`;
}

/** Townships of a county (乡镇, or 街道 in a district). */
export function townNames(rng: Rng, code: string, count: number): string[] {
  const district = levelPrefix('COUNTY', code) === '区';
  const bases = twoCharNames(`t${code}:${String(rng.uint32())}`, count, FIRST_CHARS, TOWN_SECOND);
  return bases.map((b, i) => b + (district ? (i < 3 ? '街道' : '镇') : i % 4 === 3 ? '乡' : '镇'));
}

/** Village names (without the township). */
export function villageNames(rng: Rng, count: number): string[] {
  return twoCharNames(`v${String(rng.uint32())}`, count, VILLAGE_FIRST, VILLAGE_SECOND).map((n) => `${n}村`);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1–99 (十一, 二十, 二十三). */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : (CN_DIGITS[n % 10] ?? '')}`;
  if (n < 100)
    return `${CN_DIGITS[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (CN_DIGITS[n % 10] ?? '')}`;
  return String(n);
}
