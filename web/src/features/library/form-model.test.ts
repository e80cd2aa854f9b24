import { describe, expect, it } from 'vitest';
import { emptyForm, formOf, inputOf, issuesByField } from './form-model.ts';

const filled = {
  ...emptyForm('2026'),
  code: ' LOCAL-001 ',
  name: '培训人次',
  definition: '年度内参训人次',
  unit: '人次',
  sector: 'EDU',
  kpi_lv2: 'QUANTITY',
  formula: '  ',
};

describe('library form model', () => {
  it('sends trimmed text and blanks as null', () => {
    expect(inputOf(filled)).toMatchObject({
      code: 'LOCAL-001',
      formula: null,
      name_en: null,
      valid_from: '2026',
    });
    expect(issuesByField(filled, 'zh-CN')).toEqual({});
  });

  it('names the problems at their fields in the UI language', () => {
    expect(issuesByField({ ...filled, unit: '', kpi_lv2: 'SOCIAL' }, 'zh-CN')).toEqual({
      unit: '计量单位：定量指标（≥ > ≤ < =）须填写计量单位',
      kpi_lv2: '二级指标：二级指标不属于所选一级指标（2015 或 2021 版指标体系）',
    });
    expect(issuesByField({ ...filled, name: '' }, 'en-US')).toEqual({ name: 'Name: required' });
  });

  it('copies an indicator without its code', () => {
    const ind = {
      ...inputOf(filled),
      code: 'EDU-TRAIN-001',
      name: '培训人次',
      definition: 'x',
      sign: 'GE' as const,
      sector: 'EDU' as const,
      kpi_lv1: 'OUTPUT' as const,
      kpi_lv2: 'QUANTITY',
      kind: 'INDIVIDUAL' as const,
      progress: 'CUMULATIVE' as const,
      status: 'ACTIVE' as const,
      version: 1,
      usage_count: 0,
      mof_div_code: null,
    };
    expect(formOf(ind, true)).toMatchObject({ code: undefined, name: '培训人次', formula: undefined });
    expect(formOf(ind, false).code).toBe('EDU-TRAIN-001');
  });
});
