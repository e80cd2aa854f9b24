import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../../contracts/errors.ts';
import type { TReportListItem } from '../../../contracts/monitoring.ts';

type Words = Record<string, { zh: string; en: string }>;

const LIGHT: Words = {
  RED: { zh: '红灯', en: 'red' },
  YELLOW: { zh: '黄灯', en: 'yellow' },
  GREEN: { zh: '绿灯', en: 'green' },
  BLUE: { zh: '蓝灯', en: 'blue' },
  NA: { zh: '不适用', en: 'n/a' },
};
const STATUS: Words = { DRAFT: { zh: '填报中', en: 'draft' }, SUBMITTED: { zh: '已提交', en: 'submitted' } };
const FUNDS: Words = {
  NORMAL: { zh: '正常', en: 'normal' },
  SUSPENDED: { zh: '暂缓拨款', en: 'funds suspended' },
  STOPPED: { zh: '已停止并收回', en: 'stopped and recovered' },
};
const DISPOSITION: Words = {
  CONTINUE: { zh: '继续执行', en: 'continue' },
  ADJUST_TARGET: { zh: '调整目标', en: 'adjust target' },
  SUSPEND_FUNDS: { zh: '暂缓拨款', en: 'suspend funds' },
  STOP_RECOVER: { zh: '停止并收回', en: 'stop and recover' },
};

type Cell = string | number | null;
const COLUMNS: {
  zh: string;
  en: string;
  width: number;
  value: (r: TReportListItem, w: (x: Words, v: string | null) => string | null) => Cell;
  money?: boolean;
}[] = [
  { zh: '监控任务', en: 'Round', width: 28, value: (r) => r.round_title },
  { zh: '截止日期', en: 'As of', width: 12, value: (r) => r.as_of },
  { zh: '部门', en: 'Department', width: 22, value: (r) => r.dept_name ?? r.dept_code },
  { zh: '归口处室', en: 'Finance section', width: 16, value: (r) => r.section_name },
  { zh: '预算单位', en: 'Budget unit', width: 24, value: (r) => r.agency_name ?? r.agency_code },
  { zh: '项目编码', en: 'Project code', width: 16, value: (r) => r.pro_code },
  { zh: '项目名称', en: 'Project name', width: 32, value: (r) => r.pro_name },
  { zh: '全年预算（元）', en: 'Budget (yuan)', width: 16, value: (r) => Number(r.budget), money: true },
  {
    zh: '执行数（元）',
    en: 'Executed (yuan)',
    width: 16,
    value: (r) => (r.executed === null ? null : Number(r.executed)),
    money: true,
  },
  {
    zh: '执行进度值',
    en: 'Execution value',
    width: 12,
    value: (r) => (r.execution_value === null ? null : Number(r.execution_value)),
    money: true,
  },
  { zh: '执行灯', en: 'Execution light', width: 10, value: (r, w) => w(LIGHT, r.execution_light) },
  { zh: '目标灯', en: 'Target light', width: 10, value: (r, w) => w(LIGHT, r.target_light) },
  { zh: '项目灯', en: 'Project light', width: 10, value: (r, w) => w(LIGHT, r.project_light) },
  { zh: '状态', en: 'Status', width: 10, value: (r, w) => w(STATUS, r.status) },
  { zh: '资金状态', en: 'Funds', width: 14, value: (r, w) => w(FUNDS, r.funds_status) },
  { zh: '处置', en: 'Disposition', width: 14, value: (r, w) => w(DISPOSITION, r.disposition) },
];

/** Stream the filtered reports (the warnings page) as a workbook; amounts exact with 2 decimals. */
export function reportsWorkbook(batches: AsyncIterable<TReportListItem[]>, lang: Lang): PassThrough {
  const en = lang === 'en-US';
  const words = (x: Words, v: string | null) => (v === null ? null : en ? (x[v]?.en ?? v) : (x[v]?.zh ?? v));
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(en ? 'Monitoring' : '运行监控预警');
  ws.columns = COLUMNS.map((c) => ({ header: en ? c.en : c.zh, width: c.width }));
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const r of batch) {
          const row = ws.addRow(COLUMNS.map((c) => c.value(r, words)));
          COLUMNS.forEach((c, i) => {
            if (c.money) row.getCell(i + 1).numFmt = '#,##0.00';
          });
          row.commit();
        }
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return out;
}
