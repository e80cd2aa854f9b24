import { describe, expect, it } from 'vitest';
import {
  approvedPercent,
  checkDeadline,
  checkTitle,
  namesOf,
  pendingCount,
  toCreateTask,
  unitChoices,
  unitsOutside,
} from './task-model.ts';

const units = [
  { mof_div_code: '360121', dept_code: '101', agency_code: '101001', name: '县教师进修学校' },
  { mof_div_code: '360121', dept_code: '101', agency_code: '101002', name: '县第一中学' },
  { mof_div_code: '360121', dept_code: '102', agency_code: '102001', name: '县疾控中心' },
  { mof_div_code: '360100', dept_code: '101', agency_code: '101009', name: '别处的单位' },
];

describe('task form rules', () => {
  it('checks the title', () => {
    expect(checkTitle(undefined)).toBe('required');
    expect(checkTitle('  ')).toBe('required');
    expect(checkTitle('a')).toBe('length');
    expect(checkTitle('2026 年度项目绩效目标申报')).toBeNull();
  });

  it('checks the deadline against today and the fiscal year', () => {
    expect(checkDeadline(undefined, '2025-11-01', '2026')).toBe('required');
    expect(checkDeadline('2025-10-31', '2025-11-01', '2026')).toBe('past');
    expect(checkDeadline('2025-11-01', '2025-11-01', '2026')).toBeNull();
    expect(checkDeadline('2027-01-01', '2025-11-01', '2026')).toBe('year');
  });

  it('offers the units of the chosen departments in the region', () => {
    expect(unitChoices(units, '360121', []).map((u) => u.agency_code)).toEqual([
      '101001',
      '101002',
      '102001',
    ]);
    expect(unitChoices(units, '360121', ['102']).map((u) => u.agency_code)).toEqual(['102001']);
  });

  it('finds chosen units outside the chosen departments', () => {
    expect(unitsOutside(['101001', '102001'], ['101'], units, '360121')).toEqual(['102001']);
    expect(unitsOutside(['101001', '102001'], [], units, '360121')).toEqual([]);
  });

  it('builds the request body', () => {
    expect(
      toCreateTask({ title: ' 申报 ', deadline: '2025-12-15', dept_codes: ['101'] }, '360121', '2026'),
    ).toEqual({
      mof_div_code: '360121',
      fiscal_year: '2026',
      title: '申报',
      dept_codes: ['101'],
      agency_codes: [],
      deadline: '2025-12-15',
    });
  });
});

describe('task progress', () => {
  const progress = {
    projects: 3,
    not_started: 1,
    draft: 0,
    in_review: 1,
    approved: 1,
    returned: 0,
    rejected: 0,
  };

  it('rounds the approved share down and counts the rest', () => {
    expect(approvedPercent(progress)).toBe(33);
    expect(approvedPercent({ ...progress, projects: 0, approved: 0 })).toBe(0);
    expect(pendingCount(progress)).toBe(2);
  });

  it('names the first codes of a scope', () => {
    const names = new Map([['101', '县教育局']]);
    expect(namesOf(['101', '102', '103', '104'], (c) => names.get(c), '、')).toEqual({
      names: '县教育局、102、103',
      count: 4,
      more: true,
    });
  });
});
