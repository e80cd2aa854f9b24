/**
 * The one definition of the flat files of the exchange format (`perfbudget/1`, CSV folder and
 * Excel workbook): file and sheet names, ordered columns with labels, kinds and enumerations,
 * and where each column goes in the JSON shape. Readers, writers, the template and the marked
 * workbook all work from this table.
 */

export const TABLE_KEYS = ['projects', 'indicators', 'monitoring', 'self_evaluation', 'payments'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const COLUMN_KINDS = ['text', 'decimal', 'date', 'boolean', 'list', 'enum'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/**
 * Where a column's value goes in the JSON shape: `key` the row's pro_code (links child rows to
 * their project), `header` the document header (mof_div_code, fiscal_year), `project` a project
 * field, `target` a field of the project's target, `entry` a field of a monitoring round or of the
 * self-evaluation (repeated on each of its rows), `indicator` a field of one indicator row, `row`
 * a field of a payment record.
 */
export type ColumnScope = 'key' | 'header' | 'project' | 'target' | 'entry' | 'indicator' | 'row';

export interface EnumValue {
  value: string;
  zh: string;
  en: string;
}

export interface ColumnDef {
  code: string;
  zh: string;
  en: string;
  kind: ColumnKind;
  scope: ColumnScope;
  /** Allowed values of an `enum` column, or of the items of a `list` column. */
  values?: readonly EnumValue[];
  /** Column width in the workbook, in characters. */
  width: number;
}

export interface TableDef {
  key: TableKey;
  file: string;
  sheet: string;
  sheetEn: string;
  columns: readonly ColumnDef[];
}

const ev = (value: string, zh: string, en: string): EnumValue => ({ value, zh, en });

/** The enumerations of exchange-format.md with their meanings, keyed by field code. */
export const ENUMS = {
  budget_kind: [
    ev('GENERAL_PUBLIC', '一般公共预算', 'general public budget'),
    ev('GOV_FUND', '政府性基金预算', 'government fund budget'),
    ev('SOE_CAPITAL', '国有资本经营预算', 'state capital operation budget'),
    ev('SOCIAL_INSURANCE', '社会保险基金预算', 'social insurance fund budget'),
  ],
  kpi_lv1: [
    ev('OUTPUT', '产出指标', 'output'),
    ev('BENEFIT', '效益指标', 'benefit'),
    ev('SATISFACTION', '满意度指标', 'satisfaction'),
    ev('COST', '成本指标', 'cost'),
  ],
  kpi_lv2: [
    ev('QUANTITY', '数量指标', 'quantity'),
    ev('QUALITY', '质量指标', 'quality'),
    ev('TIMELINESS', '时效指标', 'timeliness'),
    ev('COST', '成本指标', 'cost'),
    ev('ECONOMIC', '经济效益指标', 'economic benefit'),
    ev('SOCIAL', '社会效益指标', 'social benefit'),
    ev('ECOLOGICAL', '生态效益指标', 'ecological benefit'),
    ev('SUSTAINABLE', '可持续影响指标', 'sustainable impact'),
    ev('SATISFACTION', '服务对象满意度指标', 'beneficiary satisfaction'),
    ev('ECON_COST', '经济成本指标', 'economic cost'),
    ev('SOCIAL_COST', '社会成本指标', 'social cost'),
    ev('ECO_COST', '生态环境成本指标', 'ecological cost'),
  ],
  computesign: [
    ev('GE', '≥', '≥'),
    ev('GT', '>', '>'),
    ev('LE', '≤', '≤'),
    ev('LT', '<', '<'),
    ev('EQ', '=', '='),
    ev('QUAL', '定性', 'qualitative'),
    ev('OTHER', '其他', 'other'),
  ],
  progress: [ev('CUMULATIVE', '累计型', 'cumulative'), ev('LEVEL', '水平型', 'level')],
  value_basis: [
    ev('PLAN', '计划标准', 'plan'),
    ev('INDUSTRY', '行业标准', 'industry standard'),
    ev('HISTORY', '历史标准', 'history'),
    ev('OTHER', '其他', 'other'),
  ],
  likelihood: [
    ev('CERTAIN', '确定能完成', 'certain'),
    ev('POSSIBLE', '有可能完成', 'possible'),
    ev('IMPOSSIBLE', '完全不可能完成', 'impossible'),
  ],
  deviation_causes: [
    ev('FUNDING', '经费保障', 'funding'),
    ev('INSTITUTIONAL', '制度保障', 'institutional'),
    ev('STAFF', '人员保障', 'staff'),
    ev('HARDWARE', '硬件条件保障', 'hardware'),
    ev('OTHER', '其他', 'other'),
  ],
  level: [
    ev('ACHIEVED', '达成年度指标', 'achieved'),
    ev('PARTIAL', '部分达成', 'partly achieved'),
    ev('NOT_ACHIEVED', '未达成', 'not achieved'),
  ],
} as const satisfies Record<string, readonly EnumValue[]>;

type ColSpec = [code: string, zh: string, en: string, kind: ColumnKind, scope: ColumnScope, width: number];

function col([code, zh, en, kind, scope, width]: ColSpec): ColumnDef {
  const values: readonly EnumValue[] | undefined = (ENUMS as Record<string, readonly EnumValue[]>)[code];
  return values !== undefined && (kind === 'enum' || kind === 'list')
    ? { code, zh, en, kind, scope, width, values }
    : { code, zh, en, kind, scope, width };
}

const PRO_CODE: ColSpec = ['pro_code', '项目编码', 'project code', 'text', 'key', 16];
const KPI_LV3: ColSpec = ['kpi_lv3', '三级指标', 'level-3 indicator', 'text', 'indicator', 24];

const table = (key: TableKey, file: string, sheet: string, sheetEn: string, specs: ColSpec[]): TableDef => ({
  key,
  file,
  sheet,
  sheetEn,
  columns: specs.map(col),
});

export const TABLES: Record<TableKey, TableDef> = {
  projects: table('projects', 'projects.csv', '项目', 'Projects', [
    ['mof_div_code', '财政区划', 'region', 'text', 'header', 12],
    ['fiscal_year', '预算年度', 'fiscal year', 'text', 'header', 10],
    ['pro_code', '项目编码', 'project code', 'text', 'project', 16],
    ['pro_name', '项目名称', 'project name', 'text', 'project', 30],
    ['agency_code', '预算单位编码', 'budget unit code', 'text', 'project', 14],
    ['agency_name', '预算单位名称', 'budget unit name', 'text', 'project', 24],
    ['dept_code', '部门编码', 'department code', 'text', 'project', 12],
    ['dept_name', '部门名称', 'department name', 'text', 'project', 20],
    ['budget_kind', '预算类型', 'budget kind', 'enum', 'project', 18],
    ['func_class', '功能分类', 'functional classification', 'text', 'project', 12],
    ['amount', '项目金额（元）', 'amount (yuan)', 'decimal', 'project', 16],
    ['is_new', '是否新增', 'new project', 'boolean', 'project', 10],
    ['start_year', '开始年度', 'start year', 'text', 'project', 10],
    ['end_year', '结束年度', 'end year', 'text', 'project', 10],
    ['long_term_goal', '总体目标', 'long-term goal', 'text', 'target', 36],
    ['annual_goal', '年度目标', 'annual goal', 'text', 'target', 36],
    ['justification', '目标理由说明', 'target justification', 'text', 'target', 30],
  ]),
  indicators: table('indicators', 'indicators.csv', '绩效指标', 'Indicators', [
    PRO_CODE,
    ['kpi_lv1', '一级指标', 'level-1 indicator', 'enum', 'indicator', 14],
    ['kpi_lv2', '二级指标', 'level-2 indicator', 'enum', 'indicator', 14],
    KPI_LV3,
    ['computesign', '计算符号', 'sign', 'enum', 'indicator', 10],
    ['kpi_val', '指标值', 'target value', 'text', 'indicator', 12],
    ['meterunit', '计量单位', 'unit', 'text', 'indicator', 10],
    ['weight', '权重', 'weight', 'decimal', 'indicator', 8],
    ['progress', '进度类型', 'progress kind', 'enum', 'indicator', 12],
    ['value_basis', '取值依据', 'value basis', 'enum', 'indicator', 12],
    ['library_code', '指标库编码', 'library code', 'text', 'indicator', 16],
    ['last_target', '上年指标值', "last year's target", 'text', 'indicator', 12],
    ['last_actual', '上年实际值', "last year's actual", 'text', 'indicator', 12],
    ['data_source', '数据来源', 'data source', 'text', 'indicator', 16],
    ['scoring_standard', '评分标准', 'scoring standard', 'text', 'indicator', 24],
    ['justification', '理由说明', 'justification', 'text', 'indicator', 24],
    ['explanation', '说明', 'explanation', 'text', 'indicator', 24],
  ]),
  monitoring: table('monitoring', 'monitoring.csv', '运行监控', 'Monitoring', [
    PRO_CODE,
    ['as_of', '监控截止日期', 'as-of date', 'date', 'entry', 14],
    ['executed', '累计执行数（元）', 'executed (yuan)', 'decimal', 'entry', 16],
    ['forecast_executed', '预计全年执行数（元）', 'forecast execution (yuan)', 'decimal', 'entry', 18],
    ['planned_executed', '计划执行数（元）', 'planned execution (yuan)', 'decimal', 'entry', 16],
    KPI_LV3,
    ['actual', '实际完成值', 'actual', 'text', 'indicator', 12],
    ['forecast', '全年预计完成值', 'forecast', 'text', 'indicator', 14],
    ['planned', '计划进度值', 'planned value', 'text', 'indicator', 12],
    ['level', '完成等级', 'level', 'enum', 'indicator', 14],
    ['likelihood', '完成可能性', 'likelihood', 'enum', 'indicator', 14],
    ['deviation_causes', '偏差原因', 'deviation causes', 'list', 'indicator', 20],
    ['analysis', '偏差分析', 'analysis', 'text', 'indicator', 30],
    ['measures', '纠偏措施', 'measures', 'text', 'indicator', 30],
  ]),
  self_evaluation: table('self_evaluation', 'self_evaluation.csv', '自评', 'Self-evaluation', [
    PRO_CODE,
    ['budget', '全年预算数（元）', 'full-year budget (yuan)', 'decimal', 'entry', 16],
    ['executed', '全年执行数（元）', 'executed (yuan)', 'decimal', 'entry', 16],
    KPI_LV3,
    ['actual', '实际完成值', 'actual', 'text', 'indicator', 12],
    ['level', '完成等级', 'level', 'enum', 'indicator', 14],
    ['score', '得分', 'score', 'decimal', 'indicator', 8],
    ['explanation', '说明', 'explanation', 'text', 'indicator', 30],
  ]),
  payments: table('payments', 'payments.csv', '支付记录', 'Payments', [
    ['pro_code', '项目编码', 'project code', 'text', 'row', 16],
    ['pay_date', '支付日期', 'payment date', 'date', 'row', 12],
    ['amount', '支付金额（元）', 'amount (yuan)', 'decimal', 'row', 16],
    ['voucher_no', '凭证号', 'voucher number', 'text', 'row', 20],
  ]),
};

/** The tables in file order. */
export const TABLE_LIST: readonly TableDef[] = TABLE_KEYS.map((k) => TABLES[k]);

/** The column of a table by field code. */
export function findColumn(key: TableKey, code: string): ColumnDef | undefined {
  return TABLES[key].columns.find((c) => c.code === code);
}

/** The separator of `list` cells; the full-width `；` typed by Chinese input methods is accepted too. */
export const LIST_SEPARATOR = ';';
