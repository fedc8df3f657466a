// Decimal care for figures. A figure has a fixed number of digits after the point (0 for integers, 2 by default
// for decimals and percentages); a value is accepted only if it has no more, so it is exactly an integer count of
// 10^-d. Sums are made on those integers and divided once: 0.1 + 0.2 gives 0.3, and a hundred communes' figures
// never drift. Averages are rounded to the figure's digits, half away from zero. Pure.

/** Whether a number has at most `decimals` digits after the point (as the shortest decimal that prints it). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  return Number(value.toFixed(decimals)) === value;
}

/** Rounds half away from zero to `decimals` digits, on the decimal representation (1.005 → 1.01, not 1.00). */
export function roundTo(value: number, decimals: number): number {
  // Shifting the exponent of the shortest decimal form is exact, where multiplying by 10^d is not (1.005 * 100).
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  const r = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`)) / 10 ** decimals;
  return r === 0 ? 0 : value < 0 ? -r : r;
}

/** The value as an integer count of 10^-decimals (1.25 at 2 digits → 125). */
export function toScaled(value: number, decimals: number): number {
  // A value with at most d digits is the double nearest k/10^d, so value·10^d is within an ulp of k.
  return Math.round(value * 10 ** decimals);
}

/** Back from an integer count of 10^-decimals. */
export function fromScaled(scaled: number, decimals: number): number {
  // One correctly rounded division: the double nearest the decimal, as if it had been typed.
  const r = scaled / 10 ** decimals;
  return r === 0 ? 0 : r;
}
