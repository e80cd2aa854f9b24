import { INDICATOR_FIELDS, type IndicatorDraft, type TargetDraft } from './indicator.ts';

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface IndicatorChange {
  kpi_lv3: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  fields: FieldChange[];
}

export interface TargetDiff {
  goals: FieldChange[];
  indicators: IndicatorChange[];
}

const GOAL_FIELDS = ['long_term_goal', 'annual_goal', 'justification', 'explanation'] as const;

/**
 * What changed between two versions of a target: the goals, and the indicators matched by
 * name (a renamed indicator shows as removed and added).
 */
export function diffTargets(before: TargetDraft, after: TargetDraft): TargetDiff {
  const goals = GOAL_FIELDS.flatMap((f) => change(f, before[f], after[f]));
  const byName = (list: IndicatorDraft[]) => new Map(list.map((i) => [i.kpi_lv3 ?? '', i]));
  const old = byName(before.indicators);
  const now = byName(after.indicators);
  const indicators: IndicatorChange[] = [];
  for (const [name, a] of now) {
    const b = old.get(name);
    if (!b) {
      indicators.push({ kpi_lv3: name, change: 'ADDED', fields: fieldChanges(null, a) });
      continue;
    }
    const fields = fieldChanges(b, a);
    if (fields.length > 0) indicators.push({ kpi_lv3: name, change: 'CHANGED', fields });
  }
  for (const [name, b] of old) {
    if (!now.has(name)) indicators.push({ kpi_lv3: name, change: 'REMOVED', fields: fieldChanges(b, null) });
  }
  return { goals, indicators };
}

function change(field: string, b: string | null, a: string | null): FieldChange[] {
  return (b ?? null) === (a ?? null) ? [] : [{ field, before: b ?? null, after: a ?? null }];
}

function fieldChanges(b: IndicatorDraft | null, a: IndicatorDraft | null): FieldChange[] {
  return INDICATOR_FIELDS.flatMap((f) => change(f, b ? b[f] : null, a ? a[f] : null));
}
