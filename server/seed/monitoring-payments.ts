/**
 * Payment records (支付记录, exchange-format.md) of generated projects (monitoring.ts): each
 * project gets a pace — the cumulative share of its amount paid by the end of each month, on
 * track, behind, far behind or starting late — and a cadence — monthly, quarterly or by
 * milestones. Vouchers pay the growth of the cumulative amount since the previous voucher, in
 * exact fen (cumulative amounts rounded down to 100 yuan, 1 yuan or 1 fen), dated on working days
 * up to a cut-off date, so a project's payments never add up to more than its amount.
 */
import { Rng, WeightedTable } from './random.ts';

export const PACES = ['ON_TRACK', 'BEHIND', 'FAR_BEHIND', 'LATE_START'] as const;
export type Pace = (typeof PACES)[number];

export const CADENCES = ['MONTHLY', 'QUARTERLY', 'MILESTONES'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * Paces of the projects. With the default thresholds (execution RED < 60, YELLOW < 80) the
 * half-year execution light is GREEN on track (≥ 41 % paid by 30 June), YELLOW behind (30–40 %),
 * RED far behind (5–28 %) and starting late (nothing before July); quarterly and milestone
 * payments pay the cumulative share of their month, so their light follows too.
 */
const PACE_TABLE = new WeightedTable(PACES, [73, 16, 8, 3]);
const CADENCE_TABLE = new WeightedTable(CADENCES, [45, 35, 20]);
/** Rounding of the cumulative amount paid, in fen: 100 yuan, 1 yuan, 1 fen. */
const ROUNDING = new WeightedTable([10_000, 100, 1], [60, 25, 15]);

/** How a project's amount is paid over its fiscal year. */
export interface PaymentPlan {
  pace: Pace;
  cadence: Cadence;
  /** Share of the amount paid by the end of the year. */
  finalShare: number;
  /** Cumulative share paid by the end of month m (index 0: start of the year, 12: its end). */
  shares: number[];
  /** Cumulative amounts are rounded down to a multiple of this (fen). */
  roundingFen: number;
}

/** A pace and cadence for a project (deterministic in `rng`). */
export function planPayments(rng: Rng): PaymentPlan {
  const pace = PACE_TABLE.pick(rng);
  const cadence = CADENCE_TABLE.pick(rng);
  const roundingFen = ROUNDING.pick(rng);
  let finalShare: number;
  let shares: number[];
  if (pace === 'LATE_START') {
    const start = rng.int(7, 10);
    finalShare = rng.float(0.5, 0.9);
    shares = months().map((m) => (m < start ? 0 : (finalShare * (m - start + 1)) / (13 - start)));
  } else {
    let june: number;
    switch (pace) {
      case 'ON_TRACK':
        june = rng.float(0.41, 0.62);
        finalShare = rng.chance(0.3) ? 1 : rng.float(0.93, 1);
        break;
      case 'BEHIND':
        june = rng.float(0.3, 0.395);
        finalShare = rng.float(0.85, 0.98);
        break;
      case 'FAR_BEHIND':
        june = rng.float(0.05, 0.28);
        finalShare = rng.float(0.55, 0.9);
        break;
    }
    // share(m) = final × (m / 12)^k through share(6) = june
    const k = Math.log(june / finalShare) / Math.log(0.5);
    shares = months().map((m) => finalShare * (m / 12) ** k);
  }
  return { pace, cadence, finalShare, shares, roundingFen };
}

function months(): number[] {
  return Array.from({ length: 13 }, (_, m) => m);
}

/** One payment of a project: its date and amount in fen. */
export interface Payment {
  pay_date: string;
  fen: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A working day of the month near `day` (Saturday and Sunday move inside the month). */
function workingDay(year: number, month: number, day: number): string {
  const last = daysIn(year, month);
  let d = Math.min(day, last);
  const weekday = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
  if (weekday === 6) d = d + 2 <= last ? d + 2 : d - 1;
  else if (weekday === 0) d = d + 1 <= last ? d + 1 : d - 2;
  return `${String(year)}-${pad2(month)}-${pad2(d)}`;
}

/** The months a cadence pays in. */
function paymentMonths(rng: Rng, cadence: Cadence): number[] {
  switch (cadence) {
    case 'MONTHLY':
      return months().slice(rng.chance(0.4) ? 2 : 1);
    case 'QUARTERLY':
      return [3, 6, 9, 12];
    case 'MILESTONES': {
      // an advance, a progress payment by mid-year, a final payment; sometimes one more between
      const extra = rng.chance(0.5) ? [rng.pick([8, 9, 10, 11])] : [];
      return [rng.int(2, 4), 6, ...extra, 12];
    }
  }
}

function dayOf(rng: Rng, cadence: Cadence, month: number): number {
  if (month === 12) return rng.int(12, 31);
  switch (cadence) {
    case 'MONTHLY':
      return rng.int(5, 26);
    case 'QUARTERLY':
      return rng.int(8, 28);
    case 'MILESTONES':
      return rng.int(1, 28);
  }
}

/**
 * The payments of a project of `amountFen` in fiscal year `year` under `plan`, dated up to
 * `until` (ISO date; inclusive). Each pays the growth of the rounded cumulative amount since the
 * previous one (a monthly voucher is now and then split in two); zero amounts are left out. The
 * sum is at most floor(finalShare × amount), so never more than the amount.
 */
export function schedulePayments(
  rng: Rng,
  plan: PaymentPlan,
  amountFen: number,
  year: string,
  until: string,
): Payment[] {
  const y = Number(year);
  const unit = Math.max(1, Math.min(plan.roundingFen, amountFen));
  const cumulative = (m: number): number =>
    Math.min(amountFen, Math.floor((amountFen * (plan.shares[m] ?? 0)) / unit) * unit);
  const out: Payment[] = [];
  let paid = 0;
  for (const m of paymentMonths(rng, plan.cadence)) {
    const due = cumulative(m) - paid;
    const day = dayOf(rng, plan.cadence, m);
    if (due <= 0) continue;
    const date = workingDay(y, m, day);
    if (date > until) break;
    paid += due;
    if (plan.cadence === 'MONTHLY' && due >= 2 * unit && rng.chance(0.15)) {
      const first = Math.floor((due * rng.float(0.3, 0.7)) / unit) * unit;
      const second = workingDay(y, m, Math.min(daysIn(y, m), day + rng.int(2, 9)));
      if (first > 0 && first < due && second <= until) {
        out.push({ pay_date: date, fen: first }, { pay_date: second, fen: due - first });
        continue;
      }
    }
    out.push({ pay_date: date, fen: due });
  }
  return out;
}

/**
 * Voucher numbers of one region, unique per region as payments require: `ZF` + the payment date
 * + the serial of that day in the region (5 digits), e.g. ZF2026031600012.
 */
export class VoucherBook {
  readonly #perDay = new Map<string, number>();

  next(payDate: string): string {
    const n = (this.#perDay.get(payDate) ?? 0) + 1;
    this.#perDay.set(payDate, n);
    return `ZF${payDate.replaceAll('-', '')}${String(n).padStart(5, '0')}`;
  }
}
