import { textOf } from '../decimal-text.ts';
import { isRecord, type Rec } from '../fields.ts';
import { error, type Issue } from '../issues.ts';
import type { TPolicy } from '../policy/policy.ts';
import { checkTarget, normaliseTarget, type CoreRequirement } from '../targets/check-target.ts';
import { computeFlags, justificationIssues, type Flag, type FlagCode } from '../targets/difficulty.ts';
import type { TargetDraft } from '../targets/indicator.ts';
import { computeMonitoringRound, type MonitoringResult } from '../monitoring/lights.ts';
import { computeSelfEvaluation, type SelfEvaluationResult } from '../self-evaluation/score.ts';
import { checkProject } from './check-project.ts';
import type { PeerIndex } from './peers.ts';

/** The computed part of one project in the `validate` output (exchange-format.md). */
export interface ProjectOutcome {
  pro_code: string | null;
  target?: { flags: { kpi_lv3: string | null; flag: FlagCode }[] } | null;
  monitoring?: (MonitoringResult | null)[] | null;
  self_evaluation?: SelfEvaluationResult | null;
}

export interface ValidateContext {
  policy: TPolicy;
  peers: PeerIndex;
  core?: readonly CoreRequirement[];
}

export interface ValidatedProject {
  issues: Issue[];
  outcome: ProjectOutcome;
  /** The target as stored (values as text), when the project has one. */
  target: TargetDraft | null;
  flags: Flag[];
}

/**
 * Check one project of an exchange document as a submission and compute what `validate` shows:
 * its fields, its target (rules, difficulty flags and their justifications), each monitoring
 * round's lights and the self-evaluation's scores. `index` is its position in `projects`.
 */
export function validateProject(raw: unknown, index: number, ctx: ValidateContext): ValidatedProject {
  const base = `projects[${index}]`;
  const issues: Issue[] = [];
  if (!isRecord(raw)) {
    issues.push(error(base, 'FIELD.TYPE', { expected: 'object' }));
    return { issues, outcome: { pro_code: null }, target: null, flags: [] };
  }
  const { multiYear } = checkProject(raw, base, issues);
  const outcome: ProjectOutcome = { pro_code: textOf(raw.pro_code) };
  let target: TargetDraft | null = null;
  let flags: Flag[] = [];
  if (raw.target !== undefined && raw.target !== null) {
    issues.push(
      ...checkTarget(raw.target, `${base}.target`, { policy: ctx.policy, multiYear, core: ctx.core }),
    );
    if (isRecord(raw.target)) {
      target = normaliseTarget(raw.target);
      flags = flagsOf(raw, target, ctx);
      issues.push(...justificationIssues(target, flags, `${base}.target`));
      outcome.target = { flags: flags.map((f) => ({ kpi_lv3: f.kpi_lv3, flag: f.flag })) };
    } else outcome.target = null;
  }
  const amount = textOf(raw.amount);
  if (raw.monitoring !== undefined && raw.monitoring !== null) {
    if (target === null) {
      issues.push(error(`${base}.monitoring`, 'PROJECT.NO_TARGET'));
      outcome.monitoring = null;
    } else if (!Array.isArray(raw.monitoring)) {
      issues.push(error(`${base}.monitoring`, 'FIELD.TYPE', { expected: 'list' }));
      outcome.monitoring = null;
    } else {
      const t = target;
      outcome.monitoring = raw.monitoring.map((round: unknown, k: number) => {
        const r = computeMonitoringRound(round, t, {
          policy: ctx.policy,
          amount,
          base: `${base}.monitoring[${k}]`,
        });
        issues.push(...r.issues);
        return r.result;
      });
    }
  }
  if (raw.self_evaluation !== undefined && raw.self_evaluation !== null) {
    if (target === null) {
      issues.push(error(`${base}.self_evaluation`, 'PROJECT.NO_TARGET'));
      outcome.self_evaluation = null;
    } else {
      const r = computeSelfEvaluation(raw.self_evaluation, target, {
        policy: ctx.policy,
        base: `${base}.self_evaluation`,
      });
      issues.push(...r.issues);
      outcome.self_evaluation = r.result;
    }
  }
  return { issues, outcome, target, flags };
}

function flagsOf(raw: Rec, target: TargetDraft, ctx: ValidateContext): Flag[] {
  const amount = textOf(raw.amount);
  const amountOk = amount !== null && /^\d+(\.\d{1,2})?$/.test(amount);
  return computeFlags(target, {
    policy: ctx.policy,
    amount: amountOk ? amount : null,
    peers: ctx.peers.forProject(target.indicators),
  });
}
