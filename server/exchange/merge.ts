/**
 * Projects from flat tables (CSV folder or workbook): the projects table is read in order and the
 * child tables (indicators, monitoring, self_evaluation) are merged into it.
 *
 * A planning pass first reads the projects table (project code → position) and every child table
 * (for each project, the position of its last child row). The merge then reads each child table
 * only as far as the last row of the current project: when child rows are grouped by pro_code in
 * the order of the projects (the normal case, and how the writers write them) nothing is held
 * back. Rows of later projects met on the way (out-of-order files) are kept in a Map keyed by
 * project position until their project comes: that costs memory in proportion to how far the
 * files are out of order, up to a whole child table. The plan itself holds one Map entry per
 * project code and one Int32Array per child table.
 */
import { buildEntry, type FirstHeader, type ProjectRows } from './assemble.ts';
import { rowKey, sourceAt, type FlatRow, type FlatTable, type FlatTables } from './flat.ts';
import type { ExchangeInput, ExchangeKind, PaymentRow, ProjectEntry, ReadIssue } from './types.ts';

const CHILD_KEYS = ['indicators', 'monitoring', 'self_evaluation'] as const;
type ChildKey = (typeof CHILD_KEYS)[number];

export interface MergePlan {
  /** Position of the first project row of each project code. */
  codeIndex: Map<string, number>;
  /** Per child table, for each project position, the position of its last child row (-1: none). */
  lastRow: Partial<Record<ChildKey, Int32Array>>;
  first: FirstHeader;
}

/** The planning pass (see the module comment). */
export async function planMerge(tables: FlatTables): Promise<MergePlan> {
  const codeIndex = new Map<string, number>();
  const first: FirstHeader = { mof_div_code: null, fiscal_year: null };
  let count = 0;
  for await (const row of tables.projects.rows()) {
    if (count === 0) {
      first.mof_div_code = row.cells.mof_div_code ?? null;
      first.fiscal_year = row.cells.fiscal_year ?? null;
    }
    const code = rowKey(row);
    if (code !== null && !codeIndex.has(code)) codeIndex.set(code, count);
    count++;
  }
  const lastRow: MergePlan['lastRow'] = {};
  for (const key of CHILD_KEYS) {
    const table = tables[key];
    if (!table) continue;
    const last = new Int32Array(count).fill(-1);
    let position = 0;
    for await (const row of table.rows()) {
      const code = rowKey(row);
      const owner = code === null ? undefined : codeIndex.get(code);
      if (owner !== undefined) last[owner] = position;
      position++;
    }
    lastRow[key] = last;
  }
  return { codeIndex, lastRow, first };
}

function orphan(table: FlatTable, row: FlatRow): ReadIssue {
  const code = rowKey(row);
  return {
    path: '',
    code: 'PROJECT.UNKNOWN_CODE',
    detail: code === null ? `${table.def.file}: empty pro_code` : code,
    source: sourceAt(table, row, 'pro_code'),
  };
}

/** Reads one child table alongside the projects. */
class ChildCursor {
  private readonly iterator: AsyncIterator<FlatRow>;
  private readonly ahead = new Map<number, FlatRow[]>();
  private position = 0;
  private readonly table: FlatTable;
  private readonly plan: MergePlan;
  private readonly last: Int32Array;
  private readonly orphans: ReadIssue[];

  constructor(table: FlatTable, plan: MergePlan, last: Int32Array, orphans: ReadIssue[]) {
    this.table = table;
    this.plan = plan;
    this.last = last;
    this.orphans = orphans;
    this.iterator = table.rows()[Symbol.asyncIterator]();
  }

  /** The rows of the project at `index`, in file order. */
  async take(index: number): Promise<FlatRow[]> {
    const rows = this.ahead.get(index) ?? [];
    this.ahead.delete(index);
    const last = this.last[index] ?? -1;
    while (this.position <= last) {
      const next = await this.iterator.next();
      if (next.done === true) break;
      this.position++;
      const code = rowKey(next.value);
      const owner = code === null ? undefined : this.plan.codeIndex.get(code);
      if (owner === index) rows.push(next.value);
      else if (owner === undefined || owner < index) this.orphans.push(orphan(this.table, next.value));
      else {
        const held = this.ahead.get(owner);
        if (held) held.push(next.value);
        else this.ahead.set(owner, [next.value]);
      }
    }
    return rows;
  }

  /** After the last project: every row left belongs to no project. */
  async drain(): Promise<void> {
    for (const rows of this.ahead.values())
      for (const row of rows) this.orphans.push(orphan(this.table, row));
    this.ahead.clear();
    for (let next = await this.iterator.next(); next.done !== true; next = await this.iterator.next()) {
      this.orphans.push(orphan(this.table, next.value));
    }
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

async function* mergeProjects(
  tables: FlatTables,
  plan: MergePlan,
  orphans: ReadIssue[],
): AsyncGenerator<ProjectEntry> {
  const cursors: Partial<Record<ChildKey, ChildCursor>> = {};
  for (const key of CHILD_KEYS) {
    const table = tables[key];
    const last = plan.lastRow[key];
    if (table && last) cursors[key] = new ChildCursor(table, plan, last, orphans);
  }
  const take = async (key: ChildKey, index: number, own: boolean) => {
    const cursor = cursors[key];
    return cursor && own ? cursor.take(index) : [];
  };
  let completed = false;
  try {
    let index = 0;
    for await (const row of tables.projects.rows()) {
      const code = rowKey(row);
      // Child rows go to the first project row of a code; a repeated code gets none.
      const own = code !== null && plan.codeIndex.get(code) === index;
      const rows: ProjectRows = {
        project: row,
        indicators: await take('indicators', index, own),
        monitoring: await take('monitoring', index, own),
        self_evaluation: await take('self_evaluation', index, own),
      };
      yield buildEntry(index, rows, tables, plan.first);
      index++;
    }
    for (const cursor of Object.values(cursors)) await cursor.drain();
    completed = true;
  } finally {
    if (!completed) for (const cursor of Object.values(cursors)) await cursor.close();
  }
}

/** The ExchangeInput of flat tables, planned once (the plan is reused by every iteration). */
export async function openFlatInput(
  kind: ExchangeKind,
  files: string[],
  tables: FlatTables,
): Promise<ExchangeInput> {
  const plan = await planMerge(tables);
  let orphans: ReadIssue[] = [];
  return {
    kind,
    files,
    header: () => ({
      format: null,
      mof_div_code: plan.first.mof_div_code,
      fiscal_year: plan.first.fiscal_year,
    }),
    projects: () => ({
      [Symbol.asyncIterator]: () => {
        orphans = [];
        return mergeProjects(tables, plan, orphans);
      },
    }),
    payments: () => ({
      async *[Symbol.asyncIterator](): AsyncGenerator<PaymentRow> {
        const table = tables.payments;
        if (!table) return;
        for await (const row of table.rows()) yield { row: { ...row.cells }, source: sourceAt(table, row) };
      },
    }),
    orphanIssues: () => [...orphans],
  };
}
