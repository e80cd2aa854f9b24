import { describe, expect, it } from 'vitest';
import { formatMoney, sumMoney } from './money.ts';

describe('money', () => {
  it('adds amounts exactly, where binary floating point would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['12345678901234.56', '0.01', '99.99'])).toBe('12345678901334.56');
    expect(sumMoney([])).toBe('0.00');
  });

  it('formats stored amounts with two decimals', () => {
    expect(formatMoney('1000000')).toBe('1000000.00');
    expect(formatMoney('250000.5')).toBe('250000.50');
    expect(formatMoney('0')).toBe('0.00');
  });
});
