import { describe, expect, it } from 'vitest';
import { buildScope, regionWithDescendants, scopeRegions } from './scope.ts';

const regions = [
  { mofDivCode: '360000', parentCode: null },
  { mofDivCode: '360100', parentCode: '360000' },
  { mofDivCode: '360121', parentCode: '360100' },
  { mofDivCode: '360122', parentCode: '360100' },
  { mofDivCode: '360200', parentCode: '360000' },
];
const org = { mofDivCode: '360121', deptCode: '101', agencyCode: '101001', sectionDeptCodes: ['101', '105'] };

describe('data scope', () => {
  it('expands a region to the regions below it', () => {
    expect(regionWithDescendants('360100', regions)).toEqual(['360100', '360121', '360122']);
    expect(regionWithDescendants('360000', regions)).toHaveLength(5);
  });

  it('anchors each role on its organisation', () => {
    expect(buildScope(['PREPARER'], org, regions)).toMatchObject({
      regions: [],
      units: [{ mofDivCode: '360121', agencyCodes: ['101001'] }],
    });
    expect(buildScope(['DEPT_REVIEWER'], org, regions).departments).toEqual([
      { mofDivCode: '360121', deptCodes: ['101'] },
    ]);
    expect(buildScope(['SECTION_REVIEWER'], org, regions).departments).toEqual([
      { mofDivCode: '360121', deptCodes: ['101', '105'] },
    ]);
    expect(buildScope(['PERF_OFFICE'], { ...org, mofDivCode: '360100' }, regions).regions).toEqual([
      '360100',
      '360121',
      '360122',
    ]);
  });

  it('gives administrators the organisation but no business data', () => {
    const s = buildScope(['SYS_ADMIN'], org, regions);
    expect(s).toMatchObject({ regions: [], departments: [], units: [] });
    expect(s.orgRegions).toEqual(['360121']);
    expect(scopeRegions(s)).toEqual([]);
  });

  it('gives experts and agencies nothing until work is assigned', () => {
    expect(scopeRegions(buildScope(['EXPERT', 'AGENCY'], org, regions))).toEqual([]);
  });
});
