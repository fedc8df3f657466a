import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled, hasAtMostDecimals, roundTo, toScaled } from './decimals';

describe('decimals', () => {
  it('tells how many digits a value has after the point', () => {
    expect(hasAtMostDecimals(12.75, 2)).toBe(true);
    expect(hasAtMostDecimals(12.755, 2)).toBe(false);
    expect(hasAtMostDecimals(0.1 + 0.2, 2)).toBe(false);
    expect(hasAtMostDecimals(3, 0)).toBe(true);
  });

  it('rounds half away from zero on the decimal, not the binary, value', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(false);
    expect(roundTo(1e-7, 6)).toBe(0);
    expect(roundTo(123456.785, 2)).toBe(123456.79);
  });

  it('round-trips values with at most d digits through integer counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (k, d) => {
        const value = fromScaled(k, d);
        expect(hasAtMostDecimals(value, d)).toBe(true);
        expect(toScaled(value, d)).toBe(k);
        expect(roundTo(value, d)).toBe(value);
      }),
    );
  });
});
