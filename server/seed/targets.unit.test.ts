import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../domain/policy/policy.ts';
import { checkTarget } from '../../domain/targets/check-target.ts';
import { computeFlags, justificationIssues } from '../../domain/targets/difficulty.ts';
import { isNegative, isQuantitative } from '../../domain/targets/indicator.ts';
import { reviewChain } from '../../domain/targets/workflow.ts';
import { DEMO_RESERVED_PRO_CODES, generateDemo, resolveDemoOrg } from './demo.ts';
import { generateRegion, type GeneratedRegion } from './generate.ts';
import {
  centiText,
  generateTargets,
  newestYear,
  targetBatches,
  targetDraftOf,
  type ProjectTarget,
} from './targets.ts';
import { writeGeneratedExchange } from './targets-exchange.ts';

const YEARS = ['2024', '2025', '2026'];
const county = generateRegion({ scale: 'county', seed: 7, fiscalYears: YEARS });
const demo = generateDemo();

const cache = new Map<GeneratedRegion, ProjectTarget[]>();
function all(g: GeneratedRegion): ProjectTarget[] {
  let list = cache.get(g);
  if (!list) {
    list = [...generateTargets(g)];
    cache.set(g, list);
  }
  return list;
}

function hashOf(list: Iterable<ProjectTarget>, limit = Infinity): string {
  const h = createHash('sha256');
  let n = 0;
  for (const { project, target } of list) {
    if (n++ >= limit) break;
    h.update(`${project.pro_code}${JSON.stringify(target)}\n`);
  }
  return h.digest('hex');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-targets-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('generateTargets', () => {
  it('is deterministic: same seed, same targets; another seed, other targets', () => {
    const again = generateRegion({ scale: 'county', seed: 7, fiscalYears: YEARS });
    expect(hashOf(generateTargets(again))).toBe(hashOf(all(county)));
    const other = generateRegion({ scale: 'county', seed: 8, fiscalYears: YEARS });
    expect(hashOf(generateTargets(other), 200)).not.toBe(hashOf(all(county), 200));
    const ids = all(county).flatMap((x) => (x.target ? [x.target.target.id, x.target.version.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('follows the project stream, one entry per project', () => {
    const list = all(county);
    expect(list.length).toBe(county.projectCount);
    expect(list.map((x) => x.project.pro_code + x.project.fiscal_year)).toEqual(
      [...county.projects()].map((p) => p.pro_code + p.fiscal_year),
    );
  });

  it('makes every target valid by checkTarget with the default policy, on thousands of targets', () => {
    let checked = 0;
    for (const g of [county, demo]) {
      for (const { project, target } of all(g)) {
        if (!target) continue;
        const draft = targetDraftOf(target);
        const multiYear = project.end_year > project.start_year;
        // no errors, and not even the level-1 split warning
        expect(checkTarget(draft, '', { policy: DEFAULT_POLICY, multiYear })).toEqual([]);
        // the flags the target's own data raises are the stored ones, answered except in drafts
        const flags = computeFlags(draft, {
          policy: DEFAULT_POLICY,
          amount: project.amount,
          peers: () => null,
        });
        expect(target.version.flags).toEqual(flags);
        if (target.target.status !== 'DRAFT') expect(justificationIssues(draft, flags, '')).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(8000);
  });

  it('builds the indicator mix of the brief with weights 50 / 30 / 10', () => {
    for (const { target } of all(county)) {
      if (!target) continue;
      const ind = target.indicators;
      const of = (lv1: string, lv2s?: string[]) =>
        ind.filter((i) => i.kpi_lv1 === lv1 && (!lv2s || lv2s.includes(i.kpi_lv2)));
      expect(ind.length).toBeGreaterThanOrEqual(5);
      expect(ind.length).toBeLessThanOrEqual(12);
      expect(
        of('OUTPUT', ['QUANTITY']).filter((i) => isQuantitative(i.computesign)).length,
      ).toBeGreaterThanOrEqual(2);
      expect(of('OUTPUT', ['QUALITY', 'TIMELINESS']).length).toBeGreaterThanOrEqual(1);
      expect(of('OUTPUT', ['QUALITY', 'TIMELINESS']).length).toBeLessThanOrEqual(2);
      expect(of('BENEFIT').length).toBeGreaterThanOrEqual(1);
      expect(of('BENEFIT').length).toBeLessThanOrEqual(3);
      expect(of('SATISFACTION').length).toBe(1);
      const sum = (list: typeof ind) => list.reduce((s, i) => s + Math.round(Number(i.weight) * 100), 0);
      expect(sum(ind)).toBe(9000);
      expect([sum(of('OUTPUT')), sum(of('BENEFIT')), sum(of('SATISFACTION'))]).toEqual([5000, 3000, 1000]);
      for (const i of ind) expect(i.weight).toMatch(/^\d+(\.5)?$/);
      expect(new Set(ind.map((i) => i.kpi_lv3)).size).toBe(ind.length);
      for (const i of ind) expect(i.kpi_val_num).toBe(isQuantitative(i.computesign) ? i.kpi_val : null);
      expect(target.version.annual_goal).not.toBe('');
    }
  });

  it('carries last year into continuing projects: same indicators, last target and actual', () => {
    const byYear = new Map<string, Map<string, ProjectTarget>>();
    for (const x of all(county)) {
      const m = byYear.get(x.project.fiscal_year) ?? new Map<string, ProjectTarget>();
      m.set(x.project.pro_code, x);
      byYear.set(x.project.fiscal_year, m);
    }
    let continuing = 0;
    for (const year of ['2025', '2026']) {
      for (const { project, target } of byYear.get(year)?.values() ?? []) {
        const prev = byYear.get(String(Number(year) - 1))?.get(project.pro_code)?.target;
        if (!target || !prev) continue;
        continuing += 1;
        expect(target.indicators.map((i) => [i.kpi_lv3, i.computesign, i.meterunit, i.weight])).toEqual(
          prev.indicators.map((i) => [i.kpi_lv3, i.computesign, i.meterunit, i.weight]),
        );
        target.indicators.forEach((i, k) => {
          const p = prev.indicators[k];
          expect(i.last_target).toBe(p?.kpi_val_num ?? null);
          expect(i.last_actual).toBe(p?.final_actual ?? null);
        });
      }
    }
    expect(continuing).toBeGreaterThan(1500);
  });

  it('sets a target below last year’s actual in about 8 % of continuing indicators, with a reason', () => {
    let continuing = 0;
    let below = 0;
    let open = 0;
    let overshot = 0;
    for (const { project, target } of all(county)) {
      if (!target || project.fiscal_year !== '2026') continue;
      for (const i of target.indicators) {
        if (!isQuantitative(i.computesign) || i.last_actual === null) continue;
        continuing += 1;
        const t = Number(i.kpi_val);
        const last = Number(i.last_actual);
        if (isNegative(i.computesign) ? t > last : t < last) {
          below += 1;
          if (!i.justification) {
            open += 1;
            expect(target.target.status).toBe('DRAFT');
          }
        }
      }
      overshot += target.version.flags.filter((f) => f.flag === 'OVERSHOT_BEFORE').length;
    }
    expect(below / continuing).toBeGreaterThan(0.05);
    expect(below / continuing).toBeLessThan(0.11);
    expect(open).toBeGreaterThan(0);
    expect(overshot).toBeGreaterThan(0);
  });

  it('approves every earlier year with actuals around the target; mixes the states of the newest', () => {
    const chain = reviewChain('PROJECT', DEFAULT_POLICY.review.perf_office);
    const newest = newestYear(county);
    const states = new Map<string, number>();
    let newestCount = 0;
    const outcome = { meet: 0, over: 0, all: 0 };
    for (const { project, target } of all(county)) {
      if (project.fiscal_year !== newest) {
        expect(target?.target.status).toBe('APPROVED');
        expect(target?.target.in_force_version).toBe(1);
        expect(['EXCELLENT', 'GOOD']).toContain(target?.version.grade);
        for (const i of target?.indicators ?? []) {
          expect(i.final_actual === null).toBe(!isQuantitative(i.computesign));
          if (!isQuantitative(i.computesign) || i.computesign === 'EQ') continue;
          const ratio = isNegative(i.computesign)
            ? Number(i.final_actual) <= Number(i.kpi_val)
            : Number(i.final_actual) >= Number(i.kpi_val);
          outcome.all += 1;
          if (ratio) outcome.meet += 1;
          if (!isNegative(i.computesign) && Number(i.final_actual) >= 1.3 * Number(i.kpi_val))
            outcome.over += 1;
        }
        continue;
      }
      newestCount += 1;
      const key = target ? target.target.status : 'NONE';
      states.set(key, (states.get(key) ?? 0) + 1);
      if (!target) continue;
      expect(target.target.in_force_version).toBe(target.target.status === 'APPROVED' ? 1 : null);
      expect(target.version.status).toBe(target.target.status);
      if (target.target.status === 'SUBMITTED') expect(chain).toContain(target.target.step);
      else expect(target.target.step).toBeNull();
      for (const i of target.indicators) expect(i.final_actual).toBeNull();
    }
    const share = (k: string) => (states.get(k) ?? 0) / newestCount;
    expect(share('APPROVED')).toBeGreaterThan(0.5);
    expect(share('APPROVED')).toBeLessThan(0.6);
    expect(share('SUBMITTED')).toBeGreaterThan(0.2);
    expect(share('SUBMITTED')).toBeLessThan(0.3);
    expect(share('RETURNED')).toBeGreaterThan(0.03);
    expect(share('RETURNED')).toBeLessThan(0.08);
    expect(share('NONE') + share('DRAFT')).toBeGreaterThan(0.1);
    expect(share('NONE') + share('DRAFT')).toBeLessThan(0.2);
    expect(outcome.meet / outcome.all).toBeGreaterThan(0.7);
    expect(outcome.over / outcome.all).toBeGreaterThan(0.06);
    expect(outcome.over / outcome.all).toBeLessThan(0.14);
  });

  it('records the review history each state implies', () => {
    const chain = reviewChain('PROJECT', DEFAULT_POLICY.review.perf_office);
    for (const { target } of all(county)) {
      if (!target) continue;
      const { status, step } = target.target;
      const actions = target.reviews.map((r) => `${r.action}${r.step ? `@${r.step}` : ''}`);
      const approvals = (steps: readonly string[]) => steps.map((s) => `APPROVE@${s}`);
      if (status === 'DRAFT') expect(actions).toEqual([]);
      else if (status === 'APPROVED') expect(actions).toEqual(['SUBMIT', ...approvals(chain)]);
      else if (status === 'SUBMITTED') {
        expect(actions).toEqual(['SUBMIT', ...approvals(chain.slice(0, chain.indexOf(step ?? 'SECTION')))]);
      } else {
        const last = target.reviews.at(-1);
        expect(last?.action).toBe('RETURN');
        expect(last?.comment).toBeTruthy();
        expect(last?.grade).toBe(last?.step === 'SECTION' ? 'FAIR' : null);
      }
      const section = target.reviews.find((r) => r.step === 'SECTION' && r.action === 'APPROVE');
      if (section) {
        expect(section.grade).toBe(target.version.grade);
        expect(Object.keys(section.grades ?? {})).toHaveLength(4);
        expect(section.fixes).toBe(target.version.fixes);
      }
      const times = target.reviews.map((r) => r.at);
      expect([...times].sort()).toEqual(times);
      for (const r of target.reviews) expect(r.actor_name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
  });

  it('approves about half of the demo preparers’ newest-year projects and leaves the others to declare', () => {
    const orgs = resolveDemoOrg(demo);
    const units = [orgs.unit.agency_code, orgs.unit2.agency_code];
    const newest = newestYear(demo);
    const previous = new Map<string, ProjectTarget>();
    for (const x of all(demo)) if (x.project.fiscal_year !== newest) previous.set(x.project.pro_code, x);
    for (const unit of units) {
      const mine = all(demo).filter((x) => x.project.agency_code === unit);
      const current = mine.filter((x) => x.project.fiscal_year === newest);
      for (const x of mine)
        if (x.project.fiscal_year !== newest) expect(x.target?.target.status).toBe('APPROVED');
      const free = current.filter((x) => x.target === null);
      const approved = current.filter((x) => x.target?.target.status === 'APPROVED');
      expect(free.length + approved.length).toBe(current.length);
      // at least 3 free where that leaves one to approve, else about half; at least one approved
      expect(free.length).toBe(Math.max(Math.min(3, current.length - 1), Math.ceil(current.length / 2)));
      expect(approved.length).toBeGreaterThanOrEqual(1);
      for (const x of approved) expect(x.target?.target.in_force_version).toBe(1);
      // the continuing free projects carry last year's indicators, whose proposal raises flags
      const continuing = free.filter((x) => previous.has(x.project.pro_code));
      expect(continuing.length).toBeGreaterThanOrEqual(2);
      for (const x of continuing) {
        const last = previous.get(x.project.pro_code)?.target;
        if (!last) throw new Error('no last year');
        // as the targets service proposes it: last year's indicators with last year's target and actual
        const draft = targetDraftOf(last);
        const proposal = {
          ...draft,
          indicators: draft.indicators.map((i, k) => ({
            ...i,
            last_target: last.indicators[k]?.kpi_val_num ?? null,
            last_actual: last.indicators[k]?.final_actual ?? null,
            justification: null,
          })),
        };
        const flags = computeFlags(proposal, {
          policy: DEFAULT_POLICY,
          amount: x.project.amount,
          peers: () => null,
        });
        expect(flags.length).toBeGreaterThan(0);
      }
    }
    for (const { project } of all(demo)) expect(DEMO_RESERVED_PRO_CODES).not.toContain(project.pro_code);
  });

  it('streams in batches of the given size', () => {
    const sizes = [...targetBatches(demo, 700)].map((b) => b.length);
    expect(sizes.slice(0, -1).every((n) => n === 700)).toBe(true);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(demo.projectCount);
  });

  it('writes values as exact decimal text', () => {
    expect([centiText(0), centiText(9500), centiText(9550), centiText(123), centiText(5)]).toEqual([
      '0',
      '95',
      '95.5',
      '1.23',
      '0.05',
    ]);
  });
});

describe('writeGeneratedExchange', () => {
  it('writes the newest year of the demo county as one perfbudget/1 JSON document', async () => {
    const file = path.join(tmp, 'demo.json');
    const r = await writeGeneratedExchange(demo, { format: 'json', out: file });
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      format: string;
      mof_div_code: string;
      fiscal_year: string;
      projects: { pro_code: string; agency_name?: string; target?: { indicators: unknown[] } }[];
    };
    expect([doc.format, doc.mof_div_code, doc.fiscal_year]).toEqual(['perfbudget/1', '360121', '2026']);
    const expected = all(demo).filter((x) => x.project.fiscal_year === '2026');
    expect(doc.projects.map((p) => p.pro_code)).toEqual(expected.map((x) => x.project.pro_code));
    expect(r).toMatchObject({
      projects: expected.length,
      targets: expected.filter((x) => x.target).length,
      indicators: expected.reduce((s, x) => s + (x.target?.indicators.length ?? 0), 0),
    });
    expect(doc.projects.every((p) => typeof p.agency_name === 'string')).toBe(true);
    const first = expected.findIndex((x) => x.target);
    expect(doc.projects[first]?.target?.indicators.length).toBe(expected[first]?.target?.indicators.length);
  });

  it('writes the CSV folder, indicators grouped by project in project order', async () => {
    const dir = path.join(tmp, 'csv');
    const r = await writeGeneratedExchange(county, {
      format: 'csv',
      out: dir,
      region: county.root.mof_div_code,
    });
    const lines = (f: string) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
    const projects = lines('projects.csv');
    const indicators = lines('indicators.csv');
    expect(projects[0]).toMatch(/^mof_div_code,fiscal_year,pro_code,/);
    expect(projects.length - 1).toBe(r.projects);
    expect(indicators.length - 1).toBe(r.indicators);
    const order = projects.slice(1).map((l) => l.split(',')[2]);
    const seen = indicators.slice(1).map((l) => l.split(',')[0]);
    const runs = seen.filter((c, i) => c !== seen[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs).toEqual(order.filter((c) => runs.includes(c)));
    await expect(
      writeGeneratedExchange(county, { format: 'csv', out: dir, region: '999999' }),
    ).rejects.toThrow(/region/);
  });
});
