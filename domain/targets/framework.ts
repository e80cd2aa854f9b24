/**
 * The indicator framework (domain.md §4): the level-1 / level-2 tree of a target, as data.
 * Framework "2015" is the default; "2021" makes cost a level-1 category. A policy picks one.
 */
export const LV1_CODES = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'] as const;
export type Lv1 = (typeof LV1_CODES)[number];

export const LV2_CODES = [
  'QUANTITY',
  'QUALITY',
  'TIMELINESS',
  'COST',
  'ECONOMIC',
  'SOCIAL',
  'ECOLOGICAL',
  'SUSTAINABLE',
  'SATISFACTION',
  'ECON_COST',
  'SOCIAL_COST',
  'ECO_COST',
] as const;
export type Lv2 = (typeof LV2_CODES)[number];

export type FrameworkVersion = '2015' | '2021';

export interface FrameworkNode {
  lv1: Lv1;
  lv2: readonly Lv2[];
}

/** The versioned dictionary of trees. */
export const FRAMEWORKS: Record<FrameworkVersion, readonly FrameworkNode[]> = {
  '2015': [
    { lv1: 'OUTPUT', lv2: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'] },
    { lv1: 'BENEFIT', lv2: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE'] },
    { lv1: 'SATISFACTION', lv2: ['SATISFACTION'] },
  ],
  '2021': [
    { lv1: 'OUTPUT', lv2: ['QUANTITY', 'QUALITY', 'TIMELINESS'] },
    { lv1: 'COST', lv2: ['ECON_COST', 'SOCIAL_COST', 'ECO_COST'] },
    { lv1: 'BENEFIT', lv2: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE'] },
    { lv1: 'SATISFACTION', lv2: ['SATISFACTION'] },
  ],
};

/** Names of the levels in the glossary's words. */
export const LV1_LABELS: Record<Lv1, { zh: string; en: string }> = {
  OUTPUT: { zh: '产出指标', en: 'Output' },
  BENEFIT: { zh: '效益指标', en: 'Benefit' },
  SATISFACTION: { zh: '满意度指标', en: 'Satisfaction' },
  COST: { zh: '成本指标', en: 'Cost' },
};

export const LV2_LABELS: Record<Lv2, { zh: string; en: string }> = {
  QUANTITY: { zh: '数量指标', en: 'Quantity' },
  QUALITY: { zh: '质量指标', en: 'Quality' },
  TIMELINESS: { zh: '时效指标', en: 'Timeliness' },
  COST: { zh: '成本指标', en: 'Cost' },
  ECONOMIC: { zh: '经济效益指标', en: 'Economic benefit' },
  SOCIAL: { zh: '社会效益指标', en: 'Social benefit' },
  ECOLOGICAL: { zh: '生态效益指标', en: 'Ecological benefit' },
  SUSTAINABLE: { zh: '可持续影响指标', en: 'Sustainable impact' },
  SATISFACTION: { zh: '服务对象满意度指标', en: 'Service-recipient satisfaction' },
  ECON_COST: { zh: '经济成本指标', en: 'Economic cost' },
  SOCIAL_COST: { zh: '社会成本指标', en: 'Social cost' },
  ECO_COST: { zh: '生态环境成本指标', en: 'Ecological cost' },
};

/** Whether level 2 sits under level 1 in the framework's tree. */
export function isValidPair(framework: FrameworkVersion, lv1: string, lv2: string): boolean {
  return FRAMEWORKS[framework].some((n) => n.lv1 === lv1 && (n.lv2 as readonly string[]).includes(lv2));
}

/** Whether an indicator of this pair measures cost (for the money-mismatch flag). */
export function isCostPair(lv1: string, lv2: string): boolean {
  return lv1 === 'COST' || lv2 === 'COST' || lv2 === 'ECON_COST';
}
