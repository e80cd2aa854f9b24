/** Fixtures of the exchange tests: the worked example of exchange-format.md and temp folders. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The JSON example of exchange-format.md, except that `amount` is the JSON number 1000000.10 (a
 * number token must come out as its text).
 */
export const EXAMPLE_JSON = `{
  "format": "perfbudget/1",
  "mof_div_code": "360121",
  "fiscal_year": "2026",
  "projects": [
    {
      "pro_code": "360121260001",
      "pro_name": "乡村教师培训",
      "agency_code": "101001", "agency_name": "县教师进修学校",
      "dept_code": "101", "dept_name": "县教育局",
      "budget_kind": "GENERAL_PUBLIC",
      "func_class": "2050803",
      "amount": 1000000.10,
      "is_new": false, "start_year": "2026", "end_year": "2026",
      "target": {
        "long_term_goal": "提升乡村教师教学能力", "annual_goal": "完成年度培训任务",
        "justification": null,
        "indicators": [
          { "kpi_lv1": "OUTPUT", "kpi_lv2": "QUANTITY", "kpi_lv3": "培训人次",
            "computesign": "GE", "kpi_val": "500", "meterunit": "人次", "weight": "30",
            "progress": "CUMULATIVE", "value_basis": "HISTORY", "library_code": "EDU-TRAIN-001",
            "last_target": "520", "last_actual": "520",
            "justification": "两所乡镇学校撤并，参训对象减少", "explanation": null },
          { "kpi_lv1": "OUTPUT", "kpi_lv2": "QUALITY", "kpi_lv3": "合格率",
            "computesign": "GE", "kpi_val": "95", "meterunit": "%", "weight": "20" },
          { "kpi_lv1": "BENEFIT", "kpi_lv2": "SOCIAL", "kpi_lv3": "投诉率",
            "computesign": "LE", "kpi_val": "2", "meterunit": "%", "weight": "30" },
          { "kpi_lv1": "SATISFACTION", "kpi_lv2": "SATISFACTION", "kpi_lv3": "满意度",
            "computesign": "GE", "kpi_val": "90", "meterunit": "%", "weight": "10" }
        ]
      },
      "monitoring": [
        { "as_of": "2026-06-30", "executed": "400000.00", "forecast_executed": "980000.00",
          "planned_executed": null,
          "indicators": [
            { "kpi_lv3": "培训人次", "actual": "120", "forecast": "480", "planned": null,
              "likelihood": "POSSIBLE", "deviation_causes": ["STAFF"],
              "analysis": "春季师资不足", "measures": "暑期集中培训" },
            { "kpi_lv3": "合格率", "actual": "96", "likelihood": "CERTAIN" },
            { "kpi_lv3": "投诉率", "actual": "1.5", "likelihood": "CERTAIN" },
            { "kpi_lv3": "满意度", "actual": "88", "likelihood": "POSSIBLE" } ] }
      ],
      "self_evaluation": {
        "budget": "1000000.00", "executed": "920000.00",
        "indicators": [
          { "kpi_lv3": "培训人次", "actual": "450", "explanation": "" },
          { "kpi_lv3": "合格率", "actual": "97" },
          { "kpi_lv3": "投诉率", "actual": "2.5" },
          { "kpi_lv3": "满意度", "actual": "88" } ]
      }
    }
  ]
}
`;

/** A fresh temp folder and its removal. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfbudget-exchange-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A value without its null and empty-string fields (null, "" and missing mean the same). */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== '') out[k] = withoutEmpty(v);
  return out;
}

let gbTable: Map<string, [number, number]> | null = null;

/**
 * Text as GB18030 bytes (ASCII and the two-byte GBK range, which holds the common Chinese
 * characters): Node has a GB18030 decoder but no encoder, so the table is the decoder inverted.
 */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    const pairs: [number, number][] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push([lead, trail]);
    }
    const decoded = new TextDecoder('gb18030').decode(Buffer.from(pairs.flat()));
    gbTable = new Map();
    [...decoded].forEach((ch, i) => {
      const pair = pairs[i];
      if (pair && !gbTable?.has(ch)) gbTable?.set(ch, pair);
    });
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const pair = gbTable.get(ch);
    if (code < 0x80) bytes.push(code);
    else if (pair) bytes.push(...pair);
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return Buffer.from(bytes);
}
