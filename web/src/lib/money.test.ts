import { describe, expect, it } from 'vitest';
import { formatWan, formatYuan, parseFen, wanToYuan } from './money.ts';

describe('formatWan', () => {
  it.each([
    ['123456', '12.35'],
    ['123449.99', '12.34'],
    ['123450', '12.35'],
    ['0', '0.00'],
    ['0.01', '0.00'],
    ['50', '0.01'],
    ['10000', '1.00'],
    ['99999999999999.99', '10000000000.00'],
    ['-123456', '-12.35'],
    ['-10', '0.00'],
  ])('%s yuan → %s 万元', (yuan, wan) => {
    expect(formatWan(yuan)).toBe(wan);
  });

  it('groups thousands on request', () => {
    expect(formatWan('12345678900', { grouping: true })).toBe('1,234,567.89');
  });

  it('rejects what is not money', () => {
    expect(formatWan('abc')).toBe('—');
    expect(formatWan('1e5')).toBe('—');
  });
});

describe('parseFen / formatYuan / wanToYuan', () => {
  it('parses exactly', () => {
    expect(parseFen('0.1')).toBe(10n);
    expect(parseFen('12.345')).toBe(1235n);
  });
  it('formats yuan', () => {
    expect(formatYuan('1234567.5')).toBe('1,234,567.50');
  });
  it('converts 万元 to yuan', () => {
    expect(wanToYuan('1.5')).toBe('15000');
    expect(wanToYuan('0.000123')).toBe('1.23');
    expect(wanToYuan('12')).toBe('120000');
    expect(wanToYuan('x')).toBeNull();
  });
});
