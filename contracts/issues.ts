/**
 * Messages of the rule issues (domain/issues.ts codes) in both languages, and the words for the
 * field a path points at, so that every error names its field in the preparer's language.
 * Used by the `validate` command, the server's imports and forms, and the web forms.
 */
import type { Issue, IssueCode } from '../domain/issues.ts';

export type Lang = 'zh-CN' | 'en-US';

type Text = { zh: string; en: string };

export const ISSUE_MESSAGES: Record<IssueCode, Text> = {
  'FORMAT.UNREADABLE': { zh: '文件无法读取：{detail}', en: 'The file cannot be read: {detail}' },
  'FORMAT.VERSION': {
    zh: '不支持的格式版本（应为 perfbudget/1）：{detail}',
    en: 'Unsupported format version (expected perfbudget/1): {detail}',
  },
  'FORMAT.POLICY': { zh: '政策文件无法使用：{detail}', en: 'The policy cannot be used: {detail}' },
  'FIELD.REQUIRED': { zh: '{field}：必填', en: '{field}: required' },
  'FIELD.TYPE': { zh: '{field}：格式不正确（{expected}）', en: '{field}: wrong format ({expected})' },
  'FIELD.ENUM': { zh: '{field}：取值须为 {allowed}', en: '{field}: must be one of {allowed}' },
  'FIELD.NEGATIVE': { zh: '{field}：不能为负数', en: '{field}: must not be negative' },
  'FIELD.INCONSISTENT': {
    zh: '{field}：同一项目各行的取值不一致',
    en: '{field}: the rows of the same project disagree',
  },
  'INDICATOR.UNIT_REQUIRED': {
    zh: '{field}：定量指标须填写计量单位',
    en: '{field}: a quantitative indicator needs a unit',
  },
  'INDICATOR.VALUE_NOT_NUMERIC': {
    zh: '{field}：定量指标的指标值须为数字',
    en: '{field}: a quantitative indicator needs a numeric target value',
  },
  'INDICATOR.DUPLICATE_NAME': {
    zh: '{field}：指标名称「{name}」重复',
    en: '{field}: the indicator name "{name}" is used twice',
  },
  'INDICATOR.LEVEL_PAIR': {
    zh: '{field}：二级指标不属于所选一级指标（{framework} 版指标体系）',
    en: '{field}: the level-2 category is not under the level-1 category (framework {framework})',
  },
  'INDICATOR.EXPLANATION_REQUIRED': {
    zh: '{field}：计算符号为“其他”的指标须填写说明',
    en: '{field}: an indicator with sign OTHER needs an explanation',
  },
  'INDICATOR.CORE_CHANGED': {
    zh: '{field}：核心指标「{name}」的名称、符号和单位不得修改',
    en: '{field}: the core indicator "{name}" must keep its name, sign and unit',
  },
  'TARGET.WEIGHT_SUM': {
    zh: '{field}：权重合计应为 {expected}，现为 {actual}',
    en: '{field}: the weights must add up to {expected}, they add up to {actual}',
  },
  'TARGET.NO_QUANTITATIVE_OUTPUT': {
    zh: '{field}：至少需要一个定量的产出指标',
    en: '{field}: at least one quantitative output indicator is needed',
  },
  'TARGET.JUSTIFICATION_REQUIRED': {
    zh: '{field}：目标难度提示（{flag}）须填写理由',
    en: '{field}: the difficulty flag {flag} needs a justification',
  },
  'TARGET.LEVEL1_SPLIT': {
    zh: '{field}：一级指标权重与默认分配（{expected}）不同，请说明理由',
    en: '{field}: the level-1 weights differ from the default split ({expected}); give a reason',
  },
  'TARGET.CORE_MISSING': {
    zh: '{field}：缺少核心指标「{name}」（{code}）',
    en: '{field}: the core indicator "{name}" ({code}) is missing',
  },
  'MONITORING.UNKNOWN_INDICATOR': {
    zh: '{field}：该指标不在绩效目标中',
    en: '{field}: the indicator is not in the target',
  },
  'MONITORING.ACTUAL_REQUIRED': {
    zh: '{field}：定量指标「{name}」须填报实际完成值',
    en: '{field}: the quantitative indicator "{name}" needs an actual value',
  },
  'SELF_EVAL.UNKNOWN_INDICATOR': {
    zh: '{field}：该指标不在绩效目标中',
    en: '{field}: the indicator is not in the target',
  },
  'SELF_EVAL.ACTUAL_REQUIRED': {
    zh: '{field}：定量指标「{name}」须填报全年实际完成值（确实无法计量的须说明原因）',
    en: '{field}: the quantitative indicator "{name}" needs its full-year actual (or an explanation why it cannot be measured)',
  },
  'SELF_EVAL.SCORE_REQUIRED': {
    zh: '{field}：定性指标须按完成等级给出得分',
    en: '{field}: a qualitative indicator needs a score for its level',
  },
  'SELF_EVAL.SCORE_OUT_OF_BAND': {
    zh: '{field}：得分须在该完成等级的分值区间内（{band}）',
    en: '{field}: the score must lie in the band of its level ({band})',
  },
  'SELF_EVAL.EXPLANATION_REQUIRED': {
    zh: '{field}：完成值达到指标值的130%及以上，须说明原因',
    en: '{field}: an actual of 130 % of the target or more needs an explanation',
  },
  'SELF_EVAL.NOT_MEASURABLE': {
    zh: '{field}：标记为无法计量，该指标得0分',
    en: '{field}: marked as not measurable, the indicator scores 0',
  },
  'SELF_EVAL.SCORE_IGNORED': {
    zh: '{field}：定量指标按公式计分，填写的得分不予采用',
    en: '{field}: a quantitative indicator is scored by formula; the score given is ignored',
  },
  'PROJECT.NO_TARGET': {
    zh: '{field}：该项目没有绩效目标',
    en: '{field}: the project has no performance target',
  },
  'PROJECT.UNKNOWN_CODE': { zh: '项目编码不存在：{detail}', en: 'Unknown project code: {detail}' },
  'PROJECT.DUPLICATE_CODE': { zh: '{field}：项目编码重复', en: '{field}: the project code is used twice' },
  'PROJECT.UNKNOWN_UNIT': {
    zh: '{field}：预算单位不存在且未给出单位名称',
    en: '{field}: unknown budget unit and no unit name given',
  },
};

/** Field codes in the glossary's words. */
export const FIELD_LABELS: Record<string, Text> = {
  format: { zh: '格式', en: 'format' },
  mof_div_code: { zh: '财政区划', en: 'region' },
  fiscal_year: { zh: '预算年度', en: 'fiscal year' },
  pro_code: { zh: '项目编码', en: 'project code' },
  pro_name: { zh: '项目名称', en: 'project name' },
  agency_code: { zh: '预算单位编码', en: 'budget unit code' },
  agency_name: { zh: '预算单位名称', en: 'budget unit name' },
  dept_code: { zh: '部门编码', en: 'department code' },
  dept_name: { zh: '部门名称', en: 'department name' },
  budget_kind: { zh: '预算类型', en: 'budget kind' },
  func_class: { zh: '功能分类', en: 'functional classification' },
  amount: { zh: '项目金额', en: 'amount' },
  is_new: { zh: '是否新增', en: 'new project' },
  start_year: { zh: '开始年度', en: 'start year' },
  end_year: { zh: '结束年度', en: 'end year' },
  target: { zh: '绩效目标', en: 'performance target' },
  long_term_goal: { zh: '总体目标', en: 'long-term goal' },
  annual_goal: { zh: '年度目标', en: 'annual goal' },
  justification: { zh: '理由说明', en: 'justification' },
  explanation: { zh: '说明', en: 'explanation' },
  indicators: { zh: '绩效指标', en: 'indicators' },
  kpi_lv1: { zh: '一级指标', en: 'level-1 indicator' },
  kpi_lv2: { zh: '二级指标', en: 'level-2 indicator' },
  kpi_lv3: { zh: '三级指标', en: 'level-3 indicator' },
  computesign: { zh: '计算符号', en: 'sign' },
  kpi_val: { zh: '指标值', en: 'target value' },
  meterunit: { zh: '计量单位', en: 'unit' },
  weight: { zh: '权重', en: 'weight' },
  progress: { zh: '进度类型', en: 'progress kind' },
  value_basis: { zh: '取值依据', en: 'value basis' },
  library_code: { zh: '指标库编码', en: 'library code' },
  last_target: { zh: '上年指标值', en: "last year's target" },
  last_actual: { zh: '上年实际值', en: "last year's actual" },
  data_source: { zh: '数据来源', en: 'data source' },
  scoring_standard: { zh: '评分标准', en: 'scoring standard' },
  monitoring: { zh: '运行监控', en: 'monitoring' },
  as_of: { zh: '监控截止日期', en: 'as-of date' },
  executed: { zh: '执行数', en: 'executed' },
  forecast_executed: { zh: '预计全年执行数', en: 'forecast execution' },
  planned_executed: { zh: '计划执行数', en: 'planned execution' },
  actual: { zh: '实际完成值', en: 'actual' },
  forecast: { zh: '全年预计完成值', en: 'forecast' },
  planned: { zh: '计划进度值', en: 'planned value' },
  level: { zh: '完成等级', en: 'level' },
  likelihood: { zh: '完成可能性', en: 'likelihood' },
  deviation_causes: { zh: '偏差原因', en: 'deviation causes' },
  analysis: { zh: '偏差分析', en: 'analysis' },
  measures: { zh: '纠偏措施', en: 'measures' },
  self_evaluation: { zh: '单位自评', en: 'self-evaluation' },
  budget: { zh: '全年预算数', en: 'full-year budget' },
  score: { zh: '得分', en: 'score' },
  payments: { zh: '支付记录', en: 'payment record' },
  pay_date: { zh: '支付日期', en: 'payment date' },
  voucher_no: { zh: '凭证号', en: 'voucher number' },
};

const EXPECTED: Record<string, Text> = {
  decimal: { zh: '非负数字，如 1234.5', en: 'a non-negative number such as 1234.5' },
  'decimal-2': { zh: '最多两位小数的金额', en: 'an amount with at most 2 decimals' },
  weight: { zh: '大于 0、最多两位小数', en: 'greater than 0, at most 2 decimals' },
  date: { zh: '日期 YYYY-MM-DD', en: 'a date YYYY-MM-DD' },
  year: { zh: '四位年度', en: 'a 4-digit year' },
  boolean: { zh: 'true/false 或 是/否', en: 'true/false or 是/否' },
  object: { zh: '对象', en: 'an object' },
  list: { zh: '列表', en: 'a list' },
  region: { zh: '6–9 位财政区划代码', en: 'a region code of 6–9 digits' },
  text: { zh: '文本', en: 'text' },
};

/**
 * Describe a path in words: `projects[0].target.indicators[2].meterunit` → 项目1 绩效指标第3条
 * 计量单位 (en: project 1, indicator 3, unit).
 */
export function describePath(path: string, lang: Lang): string {
  if (path === '') return lang === 'zh-CN' ? '文件' : 'file';
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  for (const seg of path.split('.')) {
    const m = /^([a-z_0-9]+)(?:\[(\d+)\])?$/.exec(seg);
    if (!m) {
      parts.push(seg);
      continue;
    }
    const name = m[1] ?? seg;
    const n = m[2] === undefined ? null : Number(m[2]) + 1;
    const label = FIELD_LABELS[name];
    const word = label ? (zh ? label.zh : label.en) : name;
    if (n === null) parts.push(word);
    else if (name === 'projects') parts.push(zh ? `第${n}个项目` : `project ${n}`);
    else if (name === 'indicators') parts.push(zh ? `第${n}条指标` : `indicator ${n}`);
    else if (name === 'monitoring') parts.push(zh ? `第${n}次监控` : `monitoring round ${n}`);
    else parts.push(zh ? `${word}第${n}项` : `${word} ${n}`);
  }
  return parts.join(zh ? ' ' : ', ');
}

/** The message of an issue in a language, naming its field. */
export function issueMessage(issue: Pick<Issue, 'code' | 'path' | 'params'>, lang: Lang): string {
  const text = ISSUE_MESSAGES[issue.code];
  const zh = lang === 'zh-CN';
  const params: Record<string, string> = { ...(issue.params ?? {}), field: describePath(issue.path, lang) };
  const expected = params.expected;
  if (expected !== undefined && EXPECTED[expected])
    params.expected = zh ? EXPECTED[expected].zh : EXPECTED[expected].en;
  return (zh ? text.zh : text.en).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
