/**
 * The blank workbook the system hands out: a first sheet 填表说明 (instructions and the
 * enumerations with their meanings), then one sheet per flat file in the layout of layout.ts.
 * `openExchange` reads it back as zero projects.
 */
import ExcelJS from 'exceljs';
import { ENUMS, TABLE_LIST, type EnumValue } from './columns.ts';
import { HEADER_FILL, TABLE_SHEET_VIEWS, TEMPLATE_ROWS, layOutTableSheet, type Lang } from './layout.ts';

export const INSTRUCTIONS_SHEET = '填表说明';

const STEPS_ZH = [
  '本工作簿为预算绩效数据交换格式（perfbudget/1）的填报模板，每个工作表对应一类数据：项目、绩效指标、运行监控、自评、支付记录。',
  '第 1 行为中文列名，第 2 行为字段代码。系统按第 2 行的字段代码识别各列，请勿修改或删除第 2 行；数据从第 3 行开始填写。',
  '各表通过“项目编码”（pro_code）与“项目”表关联；一个项目的多条指标、多条监控或自评记录各占一行。',
  '运行监控：同一项目、同一监控截止日期的各行，累计执行数、预计全年执行数、计划执行数须填写一致。自评：同一项目各行的全年预算数、全年执行数须一致。',
  '金额以元为单位，最多两位小数，不加千分位分隔符；日期格式为 YYYY-MM-DD；“是否新增”填 是/否 或 true/false；空白单元格表示未填写。',
  '偏差原因可填多项，用英文分号“;”分隔，例如 FUNDING;STAFF。',
  '带下拉框的列请填写下表中的代码（英文大写），含义见下表。',
  '一个工作表最多容纳 1,048,576 行；全省规模的数据请使用 JSON 或 CSV 格式交换。',
];

const STEPS_EN = [
  'This workbook is the template of the budget performance exchange format (perfbudget/1); each sheet holds one kind of data: projects, indicators, monitoring, self-evaluation, payments.',
  'Row 1 holds the Chinese column labels (English labels are in the cell notes), row 2 the field codes. The system finds the columns by the codes of row 2: do not change or delete row 2. Data starts in row 3.',
  'The other sheets refer to the projects sheet by the project code (pro_code); each indicator, monitoring row or self-evaluation row of a project is a row of its own.',
  'Monitoring: the rows of a project with the same as-of date must repeat the same executed, forecast and planned execution. Self-evaluation: the rows of a project must repeat the same budget and executed amounts.',
  'Amounts are in yuan with at most 2 decimals and no thousands separators; dates are YYYY-MM-DD; “new project” is 是/否 or true/false; an empty cell means not given.',
  'Deviation causes may list several codes separated by “;”, e.g. FUNDING;STAFF.',
  'Columns with a dropdown take the codes (upper-case English) listed below.',
  'A sheet holds at most 1,048,576 rows: province-scale data is exchanged as JSON or CSV.',
];

/** The field whose enumeration a list describes, by its Chinese and English label. */
function enumField(code: string): { zh: string; en: string } {
  for (const table of TABLE_LIST) {
    const column = table.columns.find((c) => c.code === code);
    if (column) return { zh: column.zh, en: column.en };
  }
  return { zh: code, en: code };
}

function addInstructions(wb: ExcelJS.Workbook, lang: Lang): void {
  const en = lang === 'en-US';
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 18 }, { width: 18 }, { width: 20 }, { width: 22 }, { width: 28 }];
  const title = ws.addRow([
    en
      ? 'PerfBudget data template (perfbudget/1) — 填表说明'
      : '预算绩效数据填报模板（perfbudget/1）填表说明',
  ]);
  title.font = { bold: true, size: 14 };
  const addSteps = (steps: string[]) => {
    steps.forEach((text, i) => {
      const row = ws.addRow([`${i + 1}. ${text}`]);
      ws.mergeCells(row.number, 1, row.number, 5);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = 32;
    });
  };
  addSteps(STEPS_ZH);
  if (en) {
    ws.addRow([]);
    addSteps(STEPS_EN);
  }
  ws.addRow([]);
  ws.addRow([en ? '枚举取值 Enumerations' : '枚举取值']).font = { bold: true, size: 12 };
  const head = ws.addRow(
    en ? ['字段 Field', '字段代码', '代码 Code', '含义', 'Meaning'] : ['字段', '字段代码', '代码', '含义'],
  );
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const [code, values] of Object.entries(ENUMS) as [string, readonly EnumValue[]][]) {
    const field = enumField(code);
    for (const v of values) {
      ws.addRow(
        en ? [`${field.zh} ${field.en}`, code, v.value, v.zh, v.en] : [field.zh, code, v.value, v.zh],
      );
    }
  }
  const isNew = en ? '是否新增 new project' : '是否新增';
  ws.addRow([isNew, 'is_new', 'true / 是', '新增项目', ...(en ? ['new project'] : [])]);
  ws.addRow([isNew, 'is_new', 'false / 否', '延续项目', ...(en ? ['continuing project'] : [])]);
}

/** The blank template workbook as an .xlsx buffer. */
export async function buildTemplate(lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PerfBudget';
  addInstructions(wb, lang);
  for (const def of TABLE_LIST) {
    const ws = wb.addWorksheet(def.sheet, { views: TABLE_SHEET_VIEWS });
    layOutTableSheet(ws, def, lang, TEMPLATE_ROWS);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
