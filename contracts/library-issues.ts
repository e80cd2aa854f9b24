/**
 * Messages of the library indicator rule (domain/library/check-indicator.ts) in both languages,
 * naming the field in words: the server's form and import errors and the web form use them.
 */
import type { LibraryField, LibraryIssue, LibraryIssueCode } from '../domain/library/check-indicator.ts';
import type { Lang } from './issues.ts';

type Text = { zh: string; en: string };

export const LIBRARY_FIELD_LABELS: Record<LibraryField | 'status' | 'usage_count' | 'mof_div_code', Text> = {
  code: { zh: '指标编码', en: 'Code' },
  name: { zh: '指标名称', en: 'Name' },
  name_en: { zh: '英文名称', en: 'English name' },
  definition: { zh: '指标口径', en: 'Definition' },
  unit: { zh: '计量单位', en: 'Unit' },
  formula: { zh: '计算公式', en: 'Formula' },
  sign: { zh: '计算符号', en: 'Sign' },
  scoring_rule: { zh: '评分规则', en: 'Scoring rule' },
  sector: { zh: '行业领域', en: 'Sector' },
  func_class: { zh: '功能分类', en: 'Functional class' },
  kpi_lv1: { zh: '一级指标', en: 'Level 1' },
  kpi_lv2: { zh: '二级指标', en: 'Level 2' },
  kind: { zh: '共性/个性', en: 'Common/individual' },
  progress: { zh: '进度类型', en: 'Progress kind' },
  valid_from: { zh: '有效期起（年度）', en: 'Valid from (year)' },
  valid_to: { zh: '有效期止（年度）', en: 'Valid to (year)' },
  status: { zh: '状态', en: 'Status' },
  usage_count: { zh: '使用次数', en: 'Usage' },
  mof_div_code: { zh: '来源区划', en: 'Source region' },
};

const MESSAGES: Record<LibraryIssueCode, Text> = {
  'FIELD.REQUIRED': { zh: '{field}：必填', en: '{field}: required' },
  'FIELD.TYPE': {
    zh: '{field}：格式不正确，应为{expected}',
    en: '{field}: wrong format, expected {expected}',
  },
  'FIELD.ENUM': { zh: '{field}：取值须为 {allowed}', en: '{field}: must be one of {allowed}' },
  'FIELD.TOO_LONG': { zh: '{field}：最多 {max} 个字符', en: '{field}: at most {max} characters' },
  'INDICATOR.LEVEL_PAIR': {
    zh: '{field}：二级指标不属于所选一级指标（2015 或 2021 版指标体系）',
    en: '{field}: the level-2 category is not under the level-1 category (framework 2015 or 2021)',
  },
  'INDICATOR.UNIT_REQUIRED': {
    zh: '{field}：定量指标（≥ > ≤ < =）须填写计量单位',
    en: '{field}: a quantitative indicator (≥ > ≤ < =) needs a unit',
  },
  'LIBRARY.VALIDITY_ORDER': {
    zh: '{field}：不能早于有效期起（{from}）',
    en: '{field}: must not be before the first valid year ({from})',
  },
  'LIBRARY.DUPLICATE_CODE': {
    zh: '{field}：编码「{code}」在文件中重复（第 {first} 行已有）',
    en: '{field}: the code "{code}" appears twice in the file (first in row {first})',
  },
  'LIBRARY.CODE_TAKEN': {
    zh: '{field}：编码「{code}」已是系统内置或上级下发的指标，不能修改',
    en: '{field}: the code "{code}" belongs to a shipped or higher-level indicator and cannot be changed',
  },
  'LIBRARY.NO_CODES_ROW': {
    zh: '第 2 行须为字段编码（code、name、definition……），请使用导出的文件作为模板',
    en: 'Row 2 must hold the field codes (code, name, definition, …); use an exported file as the template',
  },
  'LIBRARY.EMPTY': {
    zh: '文件中没有指标（数据从第 3 行开始）',
    en: 'The file holds no indicator (data start in row 3)',
  },
  'FORMAT.UNREADABLE': { zh: '文件无法读取：{detail}', en: 'The file cannot be read: {detail}' },
};

const EXPECTED: Partial<Record<LibraryField, Text>> = {
  code: {
    zh: '大写字母、数字和连字符，如 EDU-TRAIN-001',
    en: 'capitals, digits and hyphens, e.g. EDU-TRAIN-001',
  },
  func_class: { zh: '3、5 或 7 位数字，如 2050803', en: '3, 5 or 7 digits, e.g. 2050803' },
  valid_from: { zh: '四位年度，如 2020', en: 'a 4-digit year, e.g. 2020' },
  valid_to: { zh: '四位年度，如 2030', en: 'a 4-digit year, e.g. 2030' },
};

/** The label of a library field in a language. */
export function libraryFieldLabel(field: LibraryField | 'status', lang: Lang): string {
  const l = LIBRARY_FIELD_LABELS[field];
  return lang === 'en-US' ? l.en : l.zh;
}

/** The message of a library issue in a language, naming its field. */
export function libraryIssueMessage(
  issue: Omit<LibraryIssue, 'field'> & { field: LibraryField | 'status' | null },
  lang: Lang,
): string {
  const en = lang === 'en-US';
  const text = MESSAGES[issue.code];
  const params: Record<string, string> = { ...(issue.params ?? {}) };
  params.field = issue.field === null ? (en ? 'Record' : '记录') : libraryFieldLabel(issue.field, lang);
  if (issue.code === 'FIELD.TYPE') {
    const e = issue.field === null || issue.field === 'status' ? undefined : EXPECTED[issue.field];
    params.expected = e ? (en ? e.en : e.zh) : en ? 'a valid value' : '有效取值';
  }
  return (en ? text.en : text.zh).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
