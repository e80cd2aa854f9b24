import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { buildFixture, COUNTY, PASSWORD, type Fixture } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import { systemActor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { targetIndicators, targets, targetVersions } from '../../db/schema.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};
let projectId = '';

const ind = (o: Record<string, string | null>): Record<string, string | null> => ({
  kpi_lv1: 'OUTPUT',
  kpi_lv2: 'QUANTITY',
  kpi_lv3: null,
  computesign: 'GE',
  kpi_val: null,
  meterunit: null,
  weight: null,
  progress: null,
  value_basis: null,
  library_code: null,
  last_target: null,
  last_actual: null,
  data_source: null,
  scoring_standard: null,
  justification: null,
  explanation: null,
  ...o,
});

function draft(first: Record<string, string | null> = {}) {
  return {
    long_term_goal: '提升乡村教师教学能力',
    annual_goal: '完成年度培训任务',
    justification: null,
    explanation: null,
    indicators: [
      ind({
        kpi_lv3: '培训人次',
        kpi_val: '500',
        meterunit: '人次',
        weight: '30',
        library_code: 'EDU-TRAIN-001',
        ...first,
      }),
      ind({ kpi_lv2: 'QUALITY', kpi_lv3: '合格率', kpi_val: '95', meterunit: '%', weight: '20' }),
      ind({
        kpi_lv1: 'BENEFIT',
        kpi_lv2: 'SOCIAL',
        kpi_lv3: '投诉率',
        computesign: 'LE',
        kpi_val: '2',
        meterunit: '%',
        weight: '30',
      }),
      ind({
        kpi_lv1: 'SATISFACTION',
        kpi_lv2: 'SATISFACTION',
        kpi_lv3: '满意度',
        kpi_val: '90',
        meterunit: '%',
        weight: '10',
      }),
    ],
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  // Both a preparer and a unit leader: must never approve their own submission.
  await fx.deps.users.createUserWithRoles(
    systemActor('test'),
    {
      username: 'both',
      display_name: 'both',
      password: PASSWORD,
      mof_div_code: COUNTY,
      dept_code: '101',
      agency_code: '101001',
      section_code: null,
    },
    ['PREPARER', 'UNIT_LEADER'],
    { mustChange: false, isDemo: false },
  );
  app = await buildApp(fx.deps);
  for (const u of ['admin', 'finance', 'section', 'dept', 'leader', 'unit', 'unit2', 'both', 'supervisor']) {
    sessions[u] = await login(app, u);
  }
  projectId = fx.projectIds['990101260001'] ?? '';
  // Last year's approved target of the same project code, with its actual (520 trained).
  const [t] = await database.db
    .insert(targets)
    .values({
      mofDivCode: COUNTY,
      fiscalYear: '2025',
      kind: 'PROJECT',
      projectId: fx.projectIds['990101250001'] ?? null,
      proCode: '990101260001',
      deptCode: '101',
      agencyCode: '101001',
      amount: '900000.00',
      status: 'APPROVED',
      inForceVersion: 1,
    })
    .returning();
  const [v] = await database.db
    .insert(targetVersions)
    .values({ targetId: t?.id ?? '', versionNo: 1, status: 'APPROVED', annualGoal: '2025 年培训' })
    .returning();
  await database.db.insert(targetIndicators).values({
    versionId: v?.id ?? '',
    seq: 0,
    kpiLv1: 'OUTPUT',
    kpiLv2: 'QUANTITY',
    kpiLv3: '培训人次',
    computesign: 'GE',
    kpiVal: '480',
    kpiValNum: '480',
    meterunit: '人次',
    weight: '30',
    progress: 'CUMULATIVE',
    libraryCode: 'EDU-TRAIN-001',
    finalActual: '520',
  });
});

afterAll(async () => {
  await app.close();
  await database.close();
});

const call = (u: string) => {
  const s = sessions[u];
  if (!s) throw new Error(u);
  return as(app, s);
};

describe(`targets (${testDatabaseKind()})`, () => {
  it('walks the authorisation matrix', async () => {
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}/target` })).statusCode,
    ).toBe(401);
    expect((await call('admin')('GET', `/api/v1/projects/${projectId}/target`)).statusCode).toBe(403);
    expect((await call('unit2')('GET', `/api/v1/projects/${projectId}/target`)).statusCode).toBe(404);
    expect(
      (
        await call('supervisor')('PUT', `/api/v1/projects/${projectId}/target`, {
          row_version: 0,
          draft: draft(),
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call('unit')('PUT', `/api/v1/projects/${projectId}/target`, {
      row_version: 0,
      draft: { indicators: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('proposes last year’s indicators with last year’s target and actual', async () => {
    const res = await call('unit')('GET', `/api/v1/projects/${projectId}/target`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.id).toBeNull();
    expect(view.allowed_actions).toEqual(['edit', 'submit']);
    expect(view.version.draft.indicators[0]).toMatchObject({
      kpi_lv3: '培训人次',
      last_target: '480',
      last_actual: '520',
    });
    // The proposal keeps last year's target (480), below last year's actual (520): flagged at once.
    expect(view.version.flags.map((f: { flag: string }) => f.flag)).toEqual([
      'BELOW_LAST_ACTUAL',
      'MONEY_MISMATCH',
    ]);
    expect(view.chain).toEqual(['UNIT_LEADER', 'DEPARTMENT', 'SECTION']);
  });

  let rowVersion = 0;
  let targetId = '';

  it('saves drafts with flags, refuses stale versions and blocks submission until justified', async () => {
    const unit = call('unit');
    const d = draft({ last_target: '480', last_actual: '520' });
    const saved = await unit('PUT', `/api/v1/projects/${projectId}/target`, { row_version: 0, draft: d });
    expect(saved.statusCode).toBe(200);
    const view = saved.json();
    targetId = view.id;
    rowVersion = view.row_version;
    expect(view.version.flags).toEqual([
      {
        index: 0,
        kpi_lv3: '培训人次',
        flag: 'BELOW_LAST_ACTUAL',
        evidence: { target: '500', last_target: '480', last_actual: '520' },
      },
    ]);
    expect(
      (await unit('PUT', `/api/v1/projects/${projectId}/target`, { row_version: 0, draft: d })).json().code,
    ).toBe('TARGET.STALE_VERSION');
    const refused = await unit('POST', `/api/v1/targets/${targetId}/submit`, { row_version: rowVersion });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.issues).toEqual([
      {
        path: 'indicators[0].justification',
        code: 'TARGET.JUSTIFICATION_REQUIRED',
        level: 'error',
        params: { flag: 'BELOW_LAST_ACTUAL' },
        message: '第1条指标 理由说明：目标难度提示（BELOW_LAST_ACTUAL）须填写理由',
      },
    ]);
    const fixed = await unit('PUT', `/api/v1/projects/${projectId}/target`, {
      row_version: rowVersion,
      draft: draft({ last_target: '480', last_actual: '520', justification: '两所乡镇学校撤并' }),
    });
    rowVersion = fixed.json().row_version;
    const sub = await unit('POST', `/api/v1/targets/${targetId}/submit`, { row_version: rowVersion });
    expect(sub.statusCode).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'SUBMITTED', step: 'UNIT_LEADER', allowed_actions: [] });
    rowVersion = sub.json().row_version;
  });

  it('goes through the chain: leader approves, department returns one indicator, resubmission, finance grades', async () => {
    expect(
      (
        await call('dept')('POST', `/api/v1/targets/${targetId}/review`, {
          row_version: rowVersion,
          action: 'APPROVE',
        })
      ).json().code,
    ).toBe('REVIEW.WRONG_STEP');
    const todo = (await call('leader')('GET', '/api/v1/targets?todo=true&fiscal_year=2026')).json();
    expect(todo.items.map((i: { id: string }) => i.id)).toEqual([targetId]);
    let v = (
      await call('leader')('POST', `/api/v1/targets/${targetId}/review`, {
        row_version: rowVersion,
        action: 'APPROVE',
      })
    ).json();
    expect(v).toMatchObject({ status: 'SUBMITTED', step: 'DEPARTMENT' });
    const noComment = await call('dept')('POST', `/api/v1/targets/${targetId}/review`, {
      row_version: v.row_version,
      action: 'RETURN',
    });
    expect(noComment.json().code).toBe('REVIEW.COMMENT_REQUIRED');
    v = (
      await call('dept')('POST', `/api/v1/targets/${targetId}/review`, {
        row_version: v.row_version,
        action: 'RETURN',
        indicator_comments: [{ kpi_lv3: '合格率', comment: '合格率应不低于98%' }],
      })
    ).json();
    expect(v).toMatchObject({ status: 'RETURNED', step: null, allowed_actions: [] });
    const unitView = (await call('unit')('GET', `/api/v1/targets/${targetId}`)).json();
    expect(unitView.allowed_actions).toEqual(['edit', 'submit']);
    expect(unitView.reviews.at(-1)).toMatchObject({
      action: 'RETURN',
      step: 'DEPARTMENT',
      indicator_comments: [{ kpi_lv3: '合格率' }],
    });
    const d = draft({ last_target: '480', last_actual: '520', justification: '两所乡镇学校撤并' });
    const second = d.indicators[1];
    if (second) second.kpi_val = '98';
    v = (
      await call('unit')('PUT', `/api/v1/projects/${projectId}/target`, {
        row_version: unitView.row_version,
        draft: d,
      })
    ).json();
    v = (
      await call('unit')('POST', `/api/v1/targets/${targetId}/submit`, { row_version: v.row_version })
    ).json();
    v = (
      await call('leader')('POST', `/api/v1/targets/${targetId}/review`, {
        row_version: v.row_version,
        action: 'APPROVE',
      })
    ).json();
    v = (
      await call('dept')('POST', `/api/v1/targets/${targetId}/review`, {
        row_version: v.row_version,
        action: 'APPROVE',
      })
    ).json();
    expect(v).toMatchObject({ status: 'SUBMITTED', step: 'SECTION' });
    const grades = {
      completeness: 'GOOD',
      relevance: 'EXCELLENT',
      appropriateness: 'GOOD',
      feasibility: 'GOOD',
    };
    const section = call('section');
    expect(
      (
        await section('POST', `/api/v1/targets/${targetId}/review`, {
          row_version: v.row_version,
          action: 'APPROVE',
        })
      ).json().code,
    ).toBe('REVIEW.GRADE_REQUIRED');
    expect(
      (
        await section('POST', `/api/v1/targets/${targetId}/review`, {
          row_version: v.row_version,
          action: 'APPROVE',
          grades,
          grade: 'GOOD',
        })
      ).json().code,
    ).toBe('REVIEW.FIXES_REQUIRED');
    expect(
      (
        await section('POST', `/api/v1/targets/${targetId}/review`, {
          row_version: v.row_version,
          action: 'APPROVE',
          grades,
          grade: 'FAIR',
        })
      ).json().code,
    ).toBe('REVIEW.GRADE_MISMATCH');
    v = (
      await section('POST', `/api/v1/targets/${targetId}/review`, {
        row_version: v.row_version,
        action: 'APPROVE',
        grades,
        grade: 'GOOD',
        fixes: '补充数据来源说明',
      })
    ).json();
    expect(v).toMatchObject({
      status: 'APPROVED',
      locked: true,
      in_force_version: 1,
      version: { grade: 'GOOD' },
    });
    rowVersion = v.row_version;
    const locked = await call('unit')('PUT', `/api/v1/projects/${projectId}/target`, {
      row_version: rowVersion,
      draft: d,
    });
    expect(locked.json().code).toBe('TARGET.LOCKED');
    const audited = await database.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'target' and entity_id = ${targetId} order by seq`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'CREATE',
      'UPDATE',
      'SUBMIT',
      'APPROVE',
      'RETURN',
      'UPDATE',
      'SUBMIT',
      'APPROVE',
      'APPROVE',
      'APPROVE',
    ]);
  });

  it('adjusts into version 2 with a diff, keeps version 1 in force and readable', async () => {
    const unit = call('unit');
    const v = (
      await unit('POST', `/api/v1/targets/${targetId}/adjust`, {
        row_version: rowVersion,
        reason: '追加预算，扩大培训规模',
      })
    ).json();
    expect(v).toMatchObject({ status: 'DRAFT', current_version: 2, in_force_version: 1, locked: false });
    const d = v.version.draft;
    d.indicators[0].kpi_val = '600';
    const saved = await unit('PUT', `/api/v1/projects/${projectId}/target`, {
      row_version: v.row_version,
      draft: d,
    });
    expect(saved.statusCode).toBe(200);
    const diff = (await unit('GET', `/api/v1/targets/${targetId}/diff?from=1&to=2`)).json();
    expect(diff.indicators).toEqual([
      { kpi_lv3: '培训人次', change: 'CHANGED', fields: [{ field: 'kpi_val', before: '500', after: '600' }] },
    ]);
    expect(
      (await unit('GET', `/api/v1/targets/${targetId}/versions/1`)).json().draft.indicators[0].kpi_val,
    ).toBe('500');
    expect((await call('unit2')('GET', `/api/v1/targets/${targetId}/versions/1`)).statusCode).toBe(404);
  });

  it('never lets a person approve their own submission', async () => {
    const pid = fx.projectIds['990101260002'] ?? '';
    const both = call('both');
    let v = (await both('PUT', `/api/v1/projects/${pid}/target`, { row_version: 0, draft: draft() })).json();
    v = (await both('POST', `/api/v1/targets/${v.id}/submit`, { row_version: v.row_version })).json();
    expect(v.allowed_actions).not.toContain('approve');
    const res = await both('POST', `/api/v1/targets/${v.id}/review`, {
      row_version: v.row_version,
      action: 'APPROVE',
    });
    expect(res.json().code).toBe('REVIEW.OWN_SUBMISSION');
  });
});
