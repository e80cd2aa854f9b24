/**
 * One project in the JSON shape from its flat rows: the projects row, its indicator rows, its
 * monitoring rows (grouped by as_of) and its self-evaluation rows, with the source of every value
 * and the structural issues of repeated fields that disagree.
 */
import type { ColumnScope } from './columns.ts';
import {
  sameValue,
  sourceAt,
  type CellValue,
  type FlatRow,
  type FlatTable,
  type FlatTables,
} from './flat.ts';
import type { ProjectEntry, ReadIssue, Source } from './types.ts';

export interface ProjectRows {
  project: FlatRow;
  indicators: FlatRow[];
  monitoring: FlatRow[];
  self_evaluation: FlatRow[];
}

/** The header values of the first project row, which every later row must repeat. */
export interface FirstHeader {
  mof_div_code: CellValue;
  fiscal_year: CellValue;
}

/** A monitoring round or the self-evaluation: its rows and the row each entry field was taken from. */
interface Group {
  index: number;
  entry: Record<string, unknown>;
  rows: FlatRow[];
  fieldRows: Map<string, FlatRow>;
  indicatorRows: FlatRow[];
}

const codesOf = (table: FlatTable | undefined, scope: ColumnScope): string[] =>
  table ? table.columns.filter((c) => c.scope === scope).map((c) => c.code) : [];

function pick(row: FlatRow, codes: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const code of codes) out[code] = row.cells[code] ?? null;
  return out;
}

const hasAny = (row: FlatRow, codes: readonly string[]): boolean => codes.some((c) => row.cells[c] != null);

/**
 * Group rows into entries: `keyOf` names the group of a row; entry fields repeated on every row
 * of a group must agree (an empty repeat is fine; the first non-empty value is kept).
 */
function groupRows(
  rows: readonly FlatRow[],
  table: FlatTable | undefined,
  keyOf: (row: FlatRow) => string,
  pathOf: (group: number) => string,
  issues: ReadIssue[],
): Group[] {
  if (!table) return [];
  const entryCodes = codesOf(table, 'entry');
  const indicatorCodes = codesOf(table, 'indicator');
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = {
        index: groups.size,
        entry: pick(row, entryCodes),
        rows: [],
        fieldRows: new Map(),
        indicatorRows: [],
      };
      for (const code of entryCodes) group.fieldRows.set(code, row);
      groups.set(key, group);
    } else {
      for (const code of entryCodes) {
        const value = row.cells[code] ?? null;
        const kept = group.entry[code] ?? null;
        if (value === null) continue;
        if (kept === null) {
          group.entry[code] = value;
          group.fieldRows.set(code, row);
        } else if (!sameValue(kept, value)) {
          issues.push({
            path: `${pathOf(group.index)}.${code}`,
            code: 'FIELD.INCONSISTENT',
            detail: `${code} is ${JSON.stringify(value)} here but ${JSON.stringify(kept)} on row ${group.fieldRows.get(code)?.row ?? '?'}`,
            source: sourceAt(table, row, code),
          });
        }
      }
    }
    group.rows.push(row);
    if (hasAny(row, indicatorCodes)) group.indicatorRows.push(row);
  }
  const list = [...groups.values()];
  for (const group of list) group.entry.indicators = group.indicatorRows.map((r) => pick(r, indicatorCodes));
  return list;
}

function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z_][A-Za-z_0-9]*)|\[(\d+)\]/g)) {
    segments.push(m[1] ?? Number(m[2]));
  }
  return segments;
}

/** Build the project entry of `rows` (the `index`-th project of the input). */
export function buildEntry(
  index: number,
  rows: ProjectRows,
  tables: FlatTables,
  first: FirstHeader,
): ProjectEntry {
  const issues: ReadIssue[] = [];
  const base = `projects[${index}]`;
  const { project: prow } = rows;

  for (const code of codesOf(tables.projects, 'header')) {
    const value = prow.cells[code] ?? null;
    const expected = first[code === 'mof_div_code' ? 'mof_div_code' : 'fiscal_year'];
    if (value !== null && expected !== null && !sameValue(value, expected)) {
      issues.push({
        path: `${base}.${code}`,
        code: 'FIELD.INCONSISTENT',
        detail: `${code} is ${JSON.stringify(value)} but ${JSON.stringify(expected)} on the first project row`,
        source: sourceAt(tables.projects, prow, code),
      });
    }
  }

  const project = pick(prow, codesOf(tables.projects, 'project'));
  const targetCodes = codesOf(tables.projects, 'target');
  const indicatorCodes = codesOf(tables.indicators, 'indicator');
  if (hasAny(prow, targetCodes) || rows.indicators.length > 0) {
    project.target = {
      ...pick(prow, targetCodes),
      indicators: rows.indicators.map((r) => pick(r, indicatorCodes)),
    };
  }
  const monitoring = groupRows(
    rows.monitoring,
    tables.monitoring,
    (r) => (typeof r.cells.as_of === 'string' ? `d${r.cells.as_of.trim()}` : 'null'),
    (m) => `${base}.monitoring[${m}]`,
    issues,
  );
  if (monitoring.length > 0) project.monitoring = monitoring.map((g) => g.entry);
  const selfEval = groupRows(
    rows.self_evaluation,
    tables.self_evaluation,
    () => '',
    () => `${base}.self_evaluation`,
    issues,
  )[0];
  if (selfEval) project.self_evaluation = selfEval.entry;

  const at = (
    table: FlatTable | undefined,
    row: FlatRow | undefined,
    column?: string | number,
  ): Source | undefined =>
    table && row ? sourceAt(table, row, typeof column === 'string' ? column : undefined) : undefined;

  /** Source inside a group: `[]` the group, `['indicators', k, field]` one of its indicator rows. */
  const inGroup = (table: FlatTable | undefined, group: Group | undefined, rest: (string | number)[]) => {
    if (!group) return undefined;
    const [name, k, field] = rest;
    if (name === undefined) return at(table, group.rows[0]);
    if (name !== 'indicators') return at(table, group.fieldRows.get(String(name)) ?? group.rows[0], name);
    if (k === undefined) return at(table, group.indicatorRows[0] ?? group.rows[0]);
    return typeof k === 'number' ? at(table, group.indicatorRows[k], field) : undefined;
  };

  const sourceOf = (path: string): Source | undefined => {
    const [head, ...rest] = parsePath(path);
    switch (head) {
      case undefined:
        return at(tables.projects, prow);
      case 'target': {
        const [name, k, field] = rest;
        if (name !== 'indicators') return at(tables.projects, prow, name);
        if (k === undefined) return at(tables.indicators, rows.indicators[0]) ?? at(tables.projects, prow);
        return typeof k === 'number' ? at(tables.indicators, rows.indicators[k], field) : undefined;
      }
      case 'monitoring': {
        const [m, ...inner] = rest;
        if (m === undefined) return at(tables.monitoring, rows.monitoring[0]) ?? at(tables.projects, prow);
        return typeof m === 'number' ? inGroup(tables.monitoring, monitoring[m], inner) : undefined;
      }
      case 'self_evaluation':
        return inGroup(tables.self_evaluation, selfEval, rest) ?? at(tables.projects, prow);
      default:
        return at(tables.projects, prow, head);
    }
  };

  return { index, project, sourceOf, issues };
}
