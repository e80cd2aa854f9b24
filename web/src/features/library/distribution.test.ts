import { describe, expect, it } from 'vitest';
import { axisOf, boxGeometry } from './distribution.ts';

const s = (min: string, p25: string, median: string, p75: string, max: string, count = 4) => ({
  count,
  min,
  p25,
  median,
  p75,
  max,
});
const none = { count: 0, min: null, p25: null, median: null, p75: null, max: null };

describe('distribution drawing', () => {
  it('spans the axis over every non-empty summary', () => {
    expect(axisOf([s('10', '17.5', '25', '32.5', '40'), s('12', '15', '18', '34', '50'), none])).toEqual({
      low: 10,
      high: 50,
    });
    expect(axisOf([none])).toBeNull();
  });

  it('places the whiskers, the box and the median in percent of the axis', () => {
    expect(boxGeometry(s('10', '17.5', '25', '32.5', '40'), { low: 10, high: 50 })).toEqual({
      whisker: [0, 75],
      box: [18.75, 56.25],
      median: 37.5,
    });
    expect(boxGeometry(s('5', '5', '5', '5', '5', 1), { low: 5, high: 5 })).toEqual({
      whisker: [50, 50],
      box: [50, 50],
      median: 50,
    });
    expect(boxGeometry(none, { low: 0, high: 1 })).toBeNull();
  });
});
