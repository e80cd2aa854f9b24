/**
 * The checks of one project of an import: exactly what `validate` runs (the reader's structural
 * issues, validateProject with the region's policy and the peers, duplicate codes) plus the
 * checks that need the database (the unit exists or may be created, the importer's scope, a
 * locked target), and the staging rows of a clean project. Monitoring and self-evaluation parts
 * are left out of the check and reported as a warning: they belong to a later stage.
 */
import crypto from 'node:crypto';
import type { ImportIssueCode, StoredIssue } from '../../../contracts/imports.ts';
import { readBoolean, textOf } from '../../../domain/decimal-text.ts';
import type { PeerIndex } from '../../../domain/exchange/peers.ts';
import { validateProject } from '../../../domain/exchange/validate-project.ts';
import { error, type Issue, type IssueCode, type IssueLevel } from '../../../domain/issues.ts';
import type { TPolicy } from '../../../domain/policy/policy.ts';
import { storedIndicator, type TargetDraft } from '../../../domain/targets/indicator.ts';
import {
  coveringTask,
  isEditable,
  TARGET_STATUSES,
  type TargetStatus,
  type TaskCover,
} from '../../../domain/targets/workflow.ts';
import type { DataScope } from '../../context.ts';
import type { ProjectEntry, ReadIssue, Source } from '../../exchange/index.ts';
import type { StageIndicator, StageProject } from './import-stage.repository.ts';
import type { ExistingProject } from './imports.repository.ts';

/** What the database says about the document's region (null when the header itself is wrong). */
export interface RegionContext {
  mofDivCode: string;
  fiscalYear: string;
  departments: Set<string>;
  units: Map<string, string>;
  existing: Map<string, ExistingProject>;
  /** The open declaration tasks, newest deadline first (a new target joins the one covering it). */
  tasks: readonly (TaskCover & { id: string })[];
  scope: DataScope;
  /** May this importer create departments and units (performance office of the region)? */
  canCreateUnits: boolean;
}

const IGNORED_PARTS = ['monitoring', 'self_evaluation'] as const;
/** Files of the ignored stages (their orphan rows are not this import's concern). */
export const IGNORED_FILES = /^(monitoring|self_evaluation|payments)\.csv$|^(运行监控|自评|支付记录)$/;

/** An issue of the file's checks (domain codes) or of the database checks (import codes). */
export interface ImportIssue {
  path: string;
  code: IssueCode | ImportIssueCode;
  level: IssueLevel;
  params?: Record<string, string>;
}

const importIssue = (
  level: IssueLevel,
  path: string,
  code: IssueCode | ImportIssueCode,
  params?: Record<string, string>,
): ImportIssue => (params ? { path, code, level, params } : { path, code, level });

function isTargetStatus(s: string): s is TargetStatus {
  return (TARGET_STATUSES as readonly string[]).includes(s);
}

export function readIssue(r: Pick<ReadIssue, 'path' | 'code' | 'detail'>): Issue {
  return { path: r.path, code: r.code as IssueCode, level: 'error', params: { detail: r.detail } };
}

export function inScope(scope: DataScope, mof: string, dept: string, agency: string): boolean {
  return (
    scope.regions.includes(mof) ||
    scope.departments.some((d) => d.mofDivCode === mof && d.deptCodes.includes(dept)) ||
    scope.units.some((u) => u.mofDivCode === mof && u.agencyCodes.includes(agency))
  );
}

/** The target_indicators values of a draft (stored as the targets module stores a typed draft). */
export function stageIndicators(idx: number, versionId: string, draft: TargetDraft): StageIndicator[] {
  return draft.indicators.map((i, seq) => ({ idx, version_id: versionId, seq, ...storedIndicator(i) }));
}

export interface CheckedProject {
  issues: { issue: ImportIssue; source: Source | undefined }[];
  hasError: boolean;
  stage: { project: StageProject; indicators: StageIndicator[] } | null;
}

/** Checks projects one after the other; holds the codes seen and the units to create. */
export class ProjectChecker {
  private readonly codes = new Set<string>();
  readonly newDepartments = new Map<string, string>();
  readonly newUnits = new Map<string, { dept: string; name: string }>();
  private readonly policy: TPolicy;
  private readonly peers: PeerIndex;
  private readonly region: RegionContext | null;

  constructor(opts: { policy: TPolicy; peers: PeerIndex; region: RegionContext | null }) {
    this.policy = opts.policy;
    this.peers = opts.peers;
    this.region = opts.region;
  }

  check(entry: ProjectEntry): CheckedProject {
    const out: CheckedProject['issues'] = [];
    const base = `projects[${entry.index}]`;
    const prefix = `${base}.`;
    const put = (i: ImportIssue, source?: Source) =>
      out.push({
        issue: i,
        source:
          source ?? (i.path.startsWith(prefix) ? entry.sourceOf(i.path.slice(prefix.length)) : undefined),
      });
    const ignored = (path: string) => IGNORED_PARTS.some((p) => path.startsWith(`${prefix}${p}`));

    for (const r of entry.issues) if (!ignored(r.path)) put(readIssue(r), r.source);
    let project: Record<string, unknown> = entry.project;
    for (const part of IGNORED_PARTS) {
      if (project[part] === undefined) continue;
      if (project[part] !== null) put(importIssue('warning', `${base}.${part}`, 'IMPORT.STAGE_IGNORED'));
      if (project === entry.project) project = { ...entry.project };
      delete project[part];
    }
    const v = validateProject(project, entry.index, { policy: this.policy, peers: this.peers });
    const code = textOf(project.pro_code);
    if (code !== null) {
      if (this.codes.has(code)) v.issues.push(error(`${base}.pro_code`, 'PROJECT.DUPLICATE_CODE'));
      this.codes.add(code);
    }
    for (const i of v.issues) put(i);
    if (this.region) for (const i of this.databaseIssues(project, base, v.target !== null)) put(i);

    const hasError = out.some((o) => o.issue.level === 'error');
    let stage: CheckedProject['stage'] = null;
    if (!hasError && this.region) {
      const t = v.target;
      const year = this.region.fiscalYear;
      const isNew = readBoolean(project.is_new);
      // An existing (editable) target keeps its ids: its current version's content is replaced.
      const stored = code === null ? undefined : this.region.existing.get(code);
      const reuse = t !== null && stored?.targetId != null && stored.versionId != null;
      const targetId = t === null ? null : reuse ? (stored?.targetId ?? null) : crypto.randomUUID();
      const versionId = t === null ? null : reuse ? (stored?.versionId ?? null) : crypto.randomUUID();
      const deptCode = textOf(project.dept_code) ?? '';
      const agencyCode = textOf(project.agency_code) ?? '';
      stage = {
        project: {
          idx: entry.index,
          project_id: stored === undefined ? crypto.randomUUID() : null,
          pro_code: code ?? '',
          pro_name: textOf(project.pro_name) ?? '',
          agency_code: agencyCode,
          dept_code: deptCode,
          budget_kind: textOf(project.budget_kind) ?? '',
          func_class: textOf(project.func_class) ?? '',
          amount: textOf(project.amount) ?? '0',
          is_new: isNew === true,
          start_year: textOf(project.start_year) ?? year,
          end_year: textOf(project.end_year) ?? year,
          has_target: t !== null,
          target_id: targetId,
          version_id: versionId,
          target_new: t !== null && !reuse,
          task_id:
            t !== null && !reuse ? (coveringTask(this.region.tasks, deptCode, agencyCode)?.id ?? null) : null,
          long_term_goal: t?.long_term_goal ?? null,
          annual_goal: t?.annual_goal ?? null,
          justification: t?.justification ?? null,
          explanation: t?.explanation ?? null,
          flags: JSON.stringify(v.flags),
        },
        indicators: t && versionId ? stageIndicators(entry.index, versionId, t) : [],
      };
    }
    return { issues: out, hasError, stage };
  }

  /** The checks that need the database (see the module comment). */
  private databaseIssues(p: Record<string, unknown>, base: string, hasTarget: boolean): ImportIssue[] {
    const region = this.region;
    if (!region) return [];
    const out: ImportIssue[] = [];
    const err = (path: string, code: IssueCode | ImportIssueCode, params?: Record<string, string>) =>
      out.push(importIssue('error', `${base}.${path}`, code, params));
    const mof = region.mofDivCode;
    const agency = textOf(p.agency_code);
    const dept = textOf(p.dept_code);
    const code = textOf(p.pro_code);
    if (agency !== null && dept !== null) {
      const known = region.units.get(agency) ?? this.newUnits.get(agency)?.dept;
      if (!inScope(region.scope, mof, dept, agency)) {
        err('agency_code', 'IMPORT.PROJECT_OUT_OF_SCOPE', { code: agency });
      } else if (known !== undefined) {
        if (known !== dept)
          err('dept_code', 'IMPORT.UNIT_DEPT_MISMATCH', { code: agency, expected: known, actual: dept });
      } else if (!region.canCreateUnits) {
        err('agency_code', 'IMPORT.UNIT_CREATE_FORBIDDEN', { code: agency });
      } else {
        const unitName = textOf(p.agency_name);
        const deptKnown = region.departments.has(dept) || this.newDepartments.has(dept);
        const deptName = textOf(p.dept_name);
        if (unitName === null) err('agency_code', 'PROJECT.UNKNOWN_UNIT');
        else if (!deptKnown && deptName === null) err('dept_name', 'FIELD.REQUIRED');
        else {
          if (!deptKnown && deptName !== null) this.newDepartments.set(dept, deptName);
          this.newUnits.set(agency, { dept, name: unitName });
        }
      }
    }
    const stored = code === null ? undefined : region.existing.get(code);
    if (stored) {
      if (!inScope(region.scope, mof, stored.dept, stored.agency)) {
        err('pro_code', 'IMPORT.PROJECT_OUT_OF_SCOPE', { code: stored.agency });
      } else if (
        hasTarget &&
        stored.status !== null &&
        isTargetStatus(stored.status) &&
        !isEditable(stored.status)
      ) {
        err('target', 'TARGET.LOCKED');
      }
    }
    return out;
  }
}

/** An issue as stored in the job (the message is put into words when it is read). */
export function storedIssue(issue: ImportIssue, source: Source | undefined): StoredIssue {
  const s: StoredIssue = { path: issue.path, code: issue.code };
  if (issue.params && Object.keys(issue.params).length > 0) s.params = issue.params;
  if (source) s.source = source;
  return s;
}
