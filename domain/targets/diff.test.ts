import { describe, expect, it } from 'vitest';
import { normaliseTarget } from './check-target.ts';
import { diffTargets } from './diff.ts';
import { exampleProject } from './example.fixture.ts';

describe('diffTargets', () => {
  it('lists changed goals and indicators added, removed and changed', () => {
    const a = normaliseTarget(exampleProject().target as Record<string, unknown>);
    const b = structuredClone(a);
    b.annual_goal = '完成年度培训任务并开展跟踪评估';
    const first = b.indicators[0];
    if (!first) throw new Error('fixture');
    first.kpi_val = '600';
    b.indicators.splice(2, 1);
    b.indicators.push({
      ...first,
      kpi_lv3: '培训课时',
      kpi_val: '40',
      meterunit: '课时',
      library_code: null,
    });
    const diff = diffTargets(a, b);
    expect(diff.goals).toEqual([
      { field: 'annual_goal', before: '完成年度培训任务', after: '完成年度培训任务并开展跟踪评估' },
    ]);
    expect(diff.indicators.map((i) => [i.kpi_lv3, i.change])).toEqual([
      ['培训人次', 'CHANGED'],
      ['培训课时', 'ADDED'],
      ['投诉率', 'REMOVED'],
    ]);
    expect(diff.indicators[0]?.fields).toEqual([{ field: 'kpi_val', before: '500', after: '600' }]);
    expect(diffTargets(a, a)).toEqual({ goals: [], indicators: [] });
  });
});
