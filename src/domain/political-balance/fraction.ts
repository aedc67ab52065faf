/**
 * Exact fractions over bigint, for entitlements such as 13 × 48/84 = 52/7 seats: the rules compare shares exactly,
 * and a council reading the table wants "7 3/7", not 7.428571.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

export function fraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('a fraction cannot have a zero denominator');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { n: num / g, d: den / g };
}

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const compare = (a: Fraction, b: Fraction): number => Number(a.n * b.d - b.n * a.d > 0n) - Number(a.n * b.d - b.n * a.d < 0n);
export const abs = (a: Fraction): Fraction => (a.n < 0n ? fraction(-a.n, a.d) : a);
export const floor = (a: Fraction): bigint => (a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));

/** "7 3/7", "2", "4/7", "-1 1/2". */
export function formatFraction(a: Fraction): string {
  if (a.d === 1n) return a.n.toString();
  const sign = a.n < 0n ? '-' : '';
  const n = a.n < 0n ? -a.n : a.n;
  const whole = n / a.d;
  const rest = n % a.d;
  return `${sign}${whole ? `${whole} ` : ''}${rest}/${a.d}`;
}
