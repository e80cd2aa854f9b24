import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TProject } from '../../../contracts/api.ts';
import type { Lang } from '../../../contracts/errors.ts';

const HEADERS: { key: keyof TProject; zh: string; en: string; width: number }[] = [
  { key: 'pro_code', zh: '项目编码', en: 'Project code', width: 16 },
  { key: 'pro_name', zh: '项目名称', en: 'Project name', width: 36 },
  { key: 'dept_code', zh: '部门编码', en: 'Department code', width: 10 },
  { key: 'dept_name', zh: '部门', en: 'Department', width: 22 },
  { key: 'agency_code', zh: '单位编码', en: 'Unit code', width: 10 },
  { key: 'agency_name', zh: '预算单位', en: 'Budget unit', width: 26 },
  { key: 'budget_kind', zh: '预算类型', en: 'Budget kind', width: 16 },
  { key: 'func_class', zh: '功能分类', en: 'Functional class', width: 12 },
  { key: 'amount', zh: '金额（元）', en: 'Amount (yuan)', width: 16 },
  { key: 'start_year', zh: '起始年度', en: 'Start year', width: 10 },
  { key: 'end_year', zh: '终止年度', en: 'End year', width: 10 },
];

/** Stream the filtered project list as an Excel workbook (exact amounts as numbers with 2 decimals). */
export function projectsWorkbook(batches: AsyncIterable<TProject[]>, lang: Lang): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(lang === 'en-US' ? 'Projects' : '项目库');
  ws.columns = HEADERS.map((h) => ({ header: lang === 'en-US' ? h.en : h.zh, key: h.key, width: h.width }));
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const p of batch) {
          const row = ws.addRow(HEADERS.map((h) => (h.key === 'amount' ? Number(p.amount) : p[h.key])));
          row.getCell(9).numFmt = '#,##0.00';
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
