/**
 * The review state and history of generated targets (targets.ts): where each target stands in the
 * review chain (domain/targets/workflow.ts), its dates in the declaration season, and the
 * target_reviews rows of its submission and of every decision, by deterministic people of the
 * region.
 */
import {
  GRADING_STEP,
  REVIEW_DIMENSIONS,
  type ReviewDimension,
  type ReviewGrade,
  type ReviewStep,
  type TargetStatus,
} from '../../domain/targets/workflow.ts';
import type { ProjectRow } from './generate.ts';
import { Rng } from './random.ts';
import type { TargetReviewRow } from './targets.ts';

/** Where a submitted target waits (policy without the performance office step). */
const STEP_WEIGHTS: Readonly<Record<ReviewStep, number>> = {
  UNIT_LEADER: 40,
  DEPARTMENT: 35,
  SECTION: 25,
  PERF_OFFICE: 25,
};

const FIXES = [
  '补充数据来源说明',
  '细化评分标准',
  '完善年度目标表述，与指标保持一致',
  '补充指标值测算依据',
] as const;

const DAY = 86_400_000;

/** A time in the declaration season of a fiscal year (the autumn before it). */
function dayIn(year: string, offsetDays: number, rng: Rng): Date {
  const start = Date.UTC(Number(year) - 1, 7, 1, 1, 0, 0); // 1 August, 09:00 Beijing time
  return new Date(start + offsetDays * DAY + rng.int(0, 9 * 3600) * 1000);
}

export type NewestState = 'APPROVED' | 'SUBMITTED' | 'RETURNED' | 'DRAFT';

export interface Review {
  status: TargetStatus;
  step: ReviewStep | null;
  grade: ReviewGrade | null;
  fixes: string | null;
  rowVersion: number;
  created: Date;
  submitted: Date | null;
  approved: Date | null;
  updated: Date;
  /** The steps that approved, in order. */
  passed: ReviewStep[];
  /** The step that returned the target. */
  returnedAt: ReviewStep | null;
}

export function reviewOf(rng: Rng, year: string, state: NewestState, chain: readonly ReviewStep[]): Review {
  const created = dayIn(year, rng.int(0, 45), rng);
  const submitted = new Date(created.getTime() + rng.int(3, 30) * DAY);
  const approved = new Date(submitted.getTime() + rng.int(5, 40) * DAY);
  const base = { created, grade: null, fixes: null, approved: null, passed: [], returnedAt: null };
  switch (state) {
    case 'DRAFT':
      return {
        ...base,
        status: 'DRAFT',
        step: null,
        rowVersion: rng.int(1, 3),
        submitted: null,
        updated: created,
      };
    case 'SUBMITTED': {
      const step = rng.weighted(
        chain,
        chain.map((s) => STEP_WEIGHTS[s]),
      );
      const passed = chain.slice(0, chain.indexOf(step));
      return {
        ...base,
        status: 'SUBMITTED',
        step,
        rowVersion: 2 + passed.length,
        submitted,
        updated: new Date(submitted.getTime() + passed.length * rng.int(2, 8) * DAY),
        passed,
      };
    }
    case 'RETURNED': {
      const grading = chain.indexOf(GRADING_STEP);
      const at = rng.chance(0.5) || grading <= 0 ? GRADING_STEP : rng.pick(chain.slice(0, grading));
      const passed = chain.slice(0, Math.max(0, chain.indexOf(at)));
      return {
        ...base,
        status: 'RETURNED',
        step: null,
        grade: at === GRADING_STEP ? 'FAIR' : null,
        rowVersion: 3 + passed.length,
        submitted,
        updated: new Date(submitted.getTime() + rng.int(2 + passed.length * 3, 8 + passed.length * 6) * DAY),
        passed,
        returnedAt: at,
      };
    }
    case 'APPROVED': {
      const grade: ReviewGrade = rng.chance(0.45) ? 'EXCELLENT' : 'GOOD';
      return {
        ...base,
        status: 'APPROVED',
        step: null,
        grade,
        fixes: grade === 'GOOD' ? rng.pick(FIXES) : null,
        rowVersion: 2 + chain.length,
        submitted,
        approved,
        updated: approved,
        passed: [...chain],
      };
    }
  }
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华建国志红文辉玲斌宇浩凯健俊帆雪琳晨欣宁'];

/** The people who act on the targets of a region: one per unit and role, one per department and step. */
export class People {
  readonly #names = new Map<string, string>();
  readonly #seed: number;
  constructor(seed: number) {
    this.#seed = seed;
  }

  nameOf(...parts: string[]): string {
    const key = parts.join('|');
    let name = this.#names.get(key);
    if (name === undefined) {
      const rng = new Rng([this.#seed, ...parts, 'person']);
      name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.65) ? rng.pick(GIVEN) : '');
      this.#names.set(key, name);
    }
    return name;
  }

  /** The person acting at a step for a project (null: the preparer submitting). */
  actor(p: ProjectRow, step: ReviewStep | null): string {
    switch (step) {
      case null:
        return this.nameOf(p.mof_div_code, p.agency_code, 'PREPARER');
      case 'UNIT_LEADER':
        return this.nameOf(p.mof_div_code, p.agency_code, step);
      case 'DEPARTMENT':
      case 'SECTION':
        return this.nameOf(p.mof_div_code, p.dept_code, step);
      case 'PERF_OFFICE':
        return this.nameOf(p.mof_div_code, step);
    }
  }
}

const APPROVE_COMMENTS = ['同意。', '同意，报送下一环节。', '目标明确，指标设置基本合理，同意。'] as const;
const RETURN_COMMENTS = [
  '指标值测算依据不充分，请补充后重新提交。',
  '产出指标与项目内容关联不够紧密，请调整后重新提交。',
  '满意度指标数据来源不明确，请完善。',
  '年度目标表述过于笼统，请细化并与指标保持一致。',
] as const;

/** Four-dimension grades consistent with the overall grade of the finance section. */
function gradesFor(rng: Rng, grade: ReviewGrade): Record<ReviewDimension, ReviewGrade> {
  const pick = (): ReviewGrade => {
    const r = rng.next();
    if (grade === 'EXCELLENT') return r < 0.8 ? 'EXCELLENT' : 'GOOD';
    if (grade === 'GOOD') return r < 0.25 ? 'EXCELLENT' : r < 0.9 ? 'GOOD' : 'FAIR';
    return r < 0.5 ? 'FAIR' : 'GOOD';
  };
  const out = Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d, pick()])) as Record<
    ReviewDimension,
    ReviewGrade
  >;
  if (grade === 'FAIR') out.feasibility = 'FAIR';
  return out;
}

/** The review history of a target: its submission and the decision of each step it passed. */
export function reviewRows(
  rng: Rng,
  people: People,
  p: ProjectRow,
  targetId: string,
  review: Review,
): TargetReviewRow[] {
  if (review.submitted === null) return [];
  const start = review.submitted.getTime();
  const decisions: { step: ReviewStep; action: 'APPROVE' | 'RETURN' }[] = [
    ...review.passed.map((step) => ({ step, action: 'APPROVE' as const })),
    ...(review.returnedAt ? [{ step: review.returnedAt, action: 'RETURN' as const }] : []),
  ];
  const span = review.updated.getTime() - start;
  const row = (
    step: ReviewStep | null,
    action: TargetReviewRow['action'],
    at: number,
    extra: Partial<TargetReviewRow> = {},
  ): TargetReviewRow => ({
    target_id: targetId,
    version_no: 1,
    step,
    action,
    comment: null,
    indicator_comments: [],
    grades: null,
    grade: null,
    fixes: null,
    actor_name: people.actor(p, step),
    at: new Date(at).toISOString(),
    ...extra,
  });
  const out = [row(null, 'SUBMIT', start)];
  decisions.forEach(({ step, action }, i) => {
    // evenly over the span, each a few hours earlier in its day (the gaps are ≥ 1.6 days)
    const at = start + Math.round((span * (i + 1)) / decisions.length) - rng.int(0, 4 * 3600) * 1000;
    const graded = step === GRADING_STEP && review.grade !== null;
    const grading =
      graded && review.grade ? { grades: gradesFor(rng, review.grade), grade: review.grade } : {};
    if (action === 'RETURN') {
      out.push(row(step, action, at, { comment: rng.pick(RETURN_COMMENTS), ...grading }));
    } else {
      const comment = graded || rng.chance(0.4) ? rng.pick(APPROVE_COMMENTS) : null;
      out.push(row(step, action, at, { comment, ...grading, ...(graded ? { fixes: review.fixes } : {}) }));
    }
  });
  return out;
}
