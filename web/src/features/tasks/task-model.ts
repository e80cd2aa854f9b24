import type { TCreateTask, TTask } from '../../../../contracts/targets.ts';

/** The task form's values (deadline as YYYY-MM-DD). */
export interface TaskFormValues {
  title?: string;
  fiscal_year?: string;
  dept_codes?: string[];
  agency_codes?: string[];
  deadline?: string;
}

/** What is wrong with a task title (same bounds as ZCreateTask), or null. */
export function checkTitle(title: string | undefined): 'required' | 'length' | null {
  const v = (title ?? '').trim();
  if (v === '') return 'required';
  return v.length < 2 || v.length > 200 ? 'length' : null;
}

/**
 * What is wrong with a deadline, or null: it is required, not before today, and not after the
 * end of the fiscal year the targets are declared for. Dates compare as YYYY-MM-DD text.
 */
export function checkDeadline(
  deadline: string | undefined,
  today: string,
  fiscalYear: string | undefined,
): 'required' | 'past' | 'year' | null {
  if (deadline === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return 'required';
  if (deadline < today) return 'past';
  if (fiscalYear !== undefined && deadline > `${fiscalYear}-12-31`) return 'year';
  return null;
}

interface UnitRef {
  mof_div_code: string;
  dept_code: string;
  agency_code: string;
  name: string;
}

/** The units one may pick: those of the region, of the chosen departments when any are chosen. */
export function unitChoices<U extends UnitRef>(
  agencies: readonly U[],
  region: string,
  deptCodes: readonly string[],
): U[] {
  return agencies.filter(
    (a) => a.mof_div_code === region && (deptCodes.length === 0 || deptCodes.includes(a.dept_code)),
  );
}

/** Chosen units that are not in the chosen departments (their codes), empty when all fit. */
export function unitsOutside(
  agencyCodes: readonly string[],
  deptCodes: readonly string[],
  agencies: readonly UnitRef[],
  region: string,
): string[] {
  if (deptCodes.length === 0) return [];
  const allowed = new Set(unitChoices(agencies, region, deptCodes).map((a) => a.agency_code));
  return agencyCodes.filter((c) => !allowed.has(c));
}

/** The request body of POST /tasks from the form's values. */
export function toCreateTask(v: TaskFormValues, region: string, fallbackYear: string): TCreateTask {
  return {
    mof_div_code: region,
    fiscal_year: v.fiscal_year ?? fallbackYear,
    title: (v.title ?? '').trim(),
    dept_codes: v.dept_codes ?? [],
    agency_codes: v.agency_codes ?? [],
    deadline: v.deadline ?? '',
  };
}

/** Share of approved projects in percent, rounded down (display only, integers). */
export function approvedPercent(progress: TTask['progress']): number {
  if (progress.projects <= 0) return 0;
  return Math.floor((progress.approved * 100) / progress.projects);
}

/** Projects of the task without an approved target. */
export function pendingCount(progress: TTask['progress']): number {
  return Math.max(progress.projects - progress.approved, 0);
}

/** The counts by status shown next to the progress bar, in the order of the cycle. */
export const COUNT_KEYS = ['not_started', 'draft', 'in_review', 'returned', 'rejected', 'approved'] as const;

/**
 * Names of codes for a short scope text: the first `max` names (code when unknown) and how many
 * there are in all.
 */
export function namesOf(
  codes: readonly string[],
  nameOf: (code: string) => string | undefined,
  separator: string,
  max = 3,
): { names: string; count: number; more: boolean } {
  const names = codes.slice(0, max).map((c) => nameOf(c) ?? c);
  return { names: names.join(separator), count: codes.length, more: codes.length > max };
}
