import { describe, expect, it } from 'vitest';
import type { TTargetListItem } from '../../../../contracts/targets.ts';
import { TARGET_STATUSES } from '../../../../domain/targets/workflow.ts';
import { reviewEn, reviewZh } from './i18n.ts';
import {
  awaitedText,
  canBulkApprove,
  statusLabelKey,
  statusLight,
  stepsOf,
  targetLink,
  toShownStatus,
  type Translate,
} from './status.ts';

/** A translate function over the review strings, as i18next resolves them. */
function translatorOf(messages: typeof reviewZh): Translate {
  return (key, values = {}) => {
    const path = key.replace(/^review\./, '').split('.');
    let node: unknown = messages;
    for (const p of path)
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[p] : undefined;
    if (typeof node !== 'string') throw new Error(`missing ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
  };
}
const zh = translatorOf(reviewZh);
const en = translatorOf(reviewEn);

describe('status words', () => {
  it('says where a submitted target waits, and the status word otherwise', () => {
    expect(zh(statusLabelKey('SUBMITTED', 'UNIT_LEADER'))).toBe('待单位负责人审核');
    expect(zh(statusLabelKey('SUBMITTED', 'DEPARTMENT'))).toBe('待主管部门审核');
    expect(zh(statusLabelKey('SUBMITTED', 'SECTION'))).toBe('待财政处室审核');
    expect(zh(statusLabelKey('SUBMITTED', 'PERF_OFFICE'))).toBe('待绩效管理机构审核');
    expect(zh(statusLabelKey('SUBMITTED', null))).toBe('已提交');
    expect(zh(statusLabelKey('RETURNED', null))).toBe('已退回');
    expect(zh(statusLabelKey('REJECTED', null))).toBe('不予通过');
    expect(en(statusLabelKey('SUBMITTED', 'SECTION'))).toBe('Awaiting finance section');
  });

  it('has a word and a colour for every status in both languages', () => {
    for (const s of [...TARGET_STATUSES, 'NOT_STARTED' as const]) {
      expect(zh(statusLabelKey(s, null))).not.toBe('');
      expect(en(statusLabelKey(s, null))).not.toBe('');
      expect(['NA', 'BLUE', 'YELLOW', 'GREEN', 'RED']).toContain(statusLight(s));
    }
    expect(statusLight('APPROVED')).toBe('GREEN');
    expect(statusLight('REJECTED')).toBe('RED');
    expect(statusLight('RETURNED')).toBe('YELLOW');
  });

  it('shows an unknown status from the API as not started', () => {
    expect(toShownStatus('NONE')).toBe('NOT_STARTED');
    expect(toShownStatus('APPROVED')).toBe('APPROVED');
  });
});

const row = (over: Partial<TTargetListItem>): TTargetListItem => ({
  id: 't1',
  kind: 'PROJECT',
  project_id: 'p1',
  pro_code: '360121260001',
  name: '教师培训',
  dept_code: '101',
  dept_name: '县教育局',
  agency_code: '101001',
  agency_name: '县教师进修学校',
  amount: '1200000.00',
  status: 'SUBMITTED',
  step: 'DEPARTMENT',
  current_version: 1,
  flag_count: 0,
  deadline: null,
  overdue: false,
  updated_at: '2026-01-01T00:00:00Z',
  ...over,
});

describe('links and to-dos', () => {
  it('opens the project target tab, or the department target page', () => {
    expect(targetLink(row({}))).toBe('/projects/p1?tab=target');
    expect(targetLink(row({ kind: 'DEPARTMENT', project_id: null, dept_code: '101' }))).toBe(
      '/targets/department?dept_code=101',
    );
  });

  it('says what a to-do waits for', () => {
    expect(awaitedText(row({}), zh)).toBe('待您审核 · 主管部门');
    expect(awaitedText(row({ status: 'RETURNED', step: null }), zh)).toBe('已退回，待修改后重新提交');
    expect(awaitedText(row({ status: 'APPROVED', step: null }), en)).toBe('Approved');
  });
});

describe('bulk approval', () => {
  const mine = stepsOf(['DEPT_REVIEWER', 'SECTION_REVIEWER']);

  it('knows the steps of the roles', () => {
    expect(mine).toEqual(['DEPARTMENT', 'SECTION']);
    expect(stepsOf(['PREPARER'])).toEqual([]);
  });

  it('offers only submitted targets at my step, never the grading finance step', () => {
    expect(canBulkApprove(row({}), mine, null)).toBe(true);
    expect(canBulkApprove(row({ step: 'SECTION' }), mine, null)).toBe(false);
    expect(canBulkApprove(row({ step: 'UNIT_LEADER' }), mine, null)).toBe(false);
    expect(canBulkApprove(row({ status: 'RETURNED', step: null }), mine, null)).toBe(false);
  });

  it('keeps a selection to one step', () => {
    const both = stepsOf(['UNIT_LEADER', 'DEPT_REVIEWER']);
    expect(canBulkApprove(row({ step: 'UNIT_LEADER' }), both, 'DEPARTMENT')).toBe(false);
    expect(canBulkApprove(row({ step: 'DEPARTMENT' }), both, 'DEPARTMENT')).toBe(true);
  });
});
