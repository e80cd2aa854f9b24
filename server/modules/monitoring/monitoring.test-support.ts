/** Helpers of the monitoring integration tests: approved targets stored directly, payment uploads. */
import type { FastifyInstance } from 'fastify';
import type { TJob } from '../../../contracts/imports.ts';
import { COUNTY, type Fixture } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import type { Database } from '../../db/client.ts';
import { targetIndicators, targets, targetVersions } from '../../db/schema.ts';

export type Ind = [
  lv1: string,
  lv2: string,
  name: string,
  sign: string,
  value: string,
  unit: string | null,
  weight: string,
];

/** The worked example's target (exchange-format.md): 培训人次 cumulative, the others level. */
export const WORKED: Ind[] = [
  ['OUTPUT', 'QUANTITY', '培训人次', 'GE', '500', '人次', '30'],
  ['OUTPUT', 'QUALITY', '合格率', 'GE', '95', '%', '20'],
  ['BENEFIT', 'SOCIAL', '投诉率', 'LE', '2', '%', '30'],
  ['SATISFACTION', 'SATISFACTION', '满意度', 'GE', '90', '%', '10'],
];
export const SMALL: Ind[] = [
  ['OUTPUT', 'QUANTITY', '维修面积', 'GE', '1200', '平方米', '60'],
  ['BENEFIT', 'SOCIAL', '师生安全', 'QUAL', '无安全事故', null, '30'],
];

/** An approved 2026 target (in-force version 1) stored directly, as the targets tests do for last year. */
export async function approve(
  database: Database,
  fx: Fixture,
  p: { code: string; dept: string; unit: string; amount: string },
  inds: Ind[],
) {
  const [t] = await database.db
    .insert(targets)
    .values({
      mofDivCode: COUNTY,
      fiscalYear: '2026',
      kind: 'PROJECT',
      projectId: fx.projectIds[p.code] ?? null,
      proCode: p.code,
      deptCode: p.dept,
      agencyCode: p.unit,
      amount: p.amount,
      status: 'APPROVED',
      inForceVersion: 1,
    })
    .returning();
  const [v] = await database.db
    .insert(targetVersions)
    .values({ targetId: t?.id ?? '', versionNo: 1, status: 'APPROVED', annualGoal: '年度目标' })
    .returning();
  await database.db.insert(targetIndicators).values(
    inds.map(([kpiLv1, kpiLv2, kpiLv3, computesign, kpiVal, meterunit, weight], seq) => ({
      versionId: v?.id ?? '',
      seq,
      kpiLv1,
      kpiLv2,
      kpiLv3,
      computesign,
      kpiVal,
      kpiValNum: computesign === 'QUAL' ? null : kpiVal,
      meterunit,
      weight,
      progress: meterunit === '%' ? 'LEVEL' : 'CUMULATIVE',
    })),
  );
}

/** A multipart body: form fields first, then files. */
export function multipart(
  files: { name: string; content: string | Buffer }[],
  fields: Record<string, string> = {},
) {
  const boundary = `----pb${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function postPayments(
  app: FastifyInstance,
  s: Session,
  files: { name: string; content: string | Buffer }[],
  fields: Record<string, string> = {},
) {
  const body = multipart(files, fields);
  return app.inject({
    method: 'POST',
    url: '/api/v1/payments',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Upload one payments file, wait for its job, and return the job as its owner sees it. */
export async function importPayments(
  app: FastifyInstance,
  fx: Fixture,
  s: Session,
  file: { name: string; content: string | Buffer },
  fields: Record<string, string> = {},
): Promise<TJob> {
  const res = await postPayments(app, s, [file], fields);
  if (res.statusCode !== 202) throw new Error(`POST /payments: ${res.statusCode} ${res.body}`);
  const job: TJob = res.json();
  await fx.deps.payments.waitFor(job.id);
  return (await as(app, s)('GET', `/api/v1/jobs/${job.id}`)).json();
}
