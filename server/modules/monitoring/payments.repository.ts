/** SQL of payment records: the projects an import may book against, stored vouchers, the insert. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DataScope } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { payments, projects } from '../../db/schema.ts';
import { scopeCondition } from '../identity/index.ts';

/** The job row (read back by GET /jobs/:id of the imports module). */
export { insertJob, updateJob, withHeartbeat } from '../imports/index.ts';
import { affected } from './monitoring.repository.ts';

/** The project codes of a region's years inside the importer's data scope. */
export async function projectCodesInScope(exec: Executor, scope: DataScope, mof: string, years: string[]) {
  if (years.length === 0) return new Set<string>();
  const rows = await exec
    .select({ year: projects.fiscalYear, code: projects.proCode })
    .from(projects)
    .where(
      and(
        eq(projects.mofDivCode, mof),
        inArray(projects.fiscalYear, years),
        scopeCondition(scope, {
          mofDivCode: projects.mofDivCode,
          deptCode: projects.deptCode,
          agencyCode: projects.agencyCode,
          projectId: projects.id,
        }),
      ),
    );
  return new Set(rows.map((r) => `${r.year}/${r.code}`));
}

/** Vouchers of a region already stored, with what they say. */
export async function storedVouchers(exec: Executor, mof: string, vouchers: string[]) {
  const out = new Map<string, { proCode: string; payDate: string; amount: string }>();
  for (let i = 0; i < vouchers.length; i += 5000) {
    const rows = await exec
      .select({
        voucherNo: payments.voucherNo,
        proCode: payments.proCode,
        payDate: payments.payDate,
        amount: payments.amount,
      })
      .from(payments)
      .where(and(eq(payments.mofDivCode, mof), inArray(payments.voucherNo, vouchers.slice(i, i + 5000))));
    for (const r of rows) out.set(r.voucherNo, r);
  }
  return out;
}

export interface NewPayment {
  fiscalYear: string;
  proCode: string;
  payDate: string;
  amount: string;
  voucherNo: string;
}

const arr = (values: string[], type: 'text' | 'numeric') => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** Insert payment records set-based; a voucher already stored is left alone. Returns how many were written. */
export async function insertPayments(exec: Executor, mof: string, jobId: string, rows: NewPayment[]) {
  let n = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const b = rows.slice(i, i + 5000);
    const res = await exec.execute(sql`
      insert into payments (mof_div_code, fiscal_year, pro_code, pay_date, amount, voucher_no, job_id)
      select ${mof}, y, c, d, a, v, ${jobId}::uuid
      from unnest(${arr(
        b.map((r) => r.fiscalYear),
        'text',
      )}, ${arr(
        b.map((r) => r.proCode),
        'text',
      )}, ${arr(
        b.map((r) => r.payDate),
        'text',
      )}, ${arr(
        b.map((r) => r.amount),
        'numeric',
      )}, ${arr(
        b.map((r) => r.voucherNo),
        'text',
      )}) as x(y, c, d, a, v)
      on conflict (mof_div_code, voucher_no) do nothing`);
    n += affected(res);
  }
  return n;
}
