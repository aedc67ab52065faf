/**
 * Money in integer pence (bigint) and percentages as exact decimal strings: allowances are public money, published
 * to the penny, so no calculation may pass through floating point. Rounding is half up, once, at the end.
 */

export type Pence = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "7.5" at scale 4 -> 75000n. Refuses more decimal places than the scale holds, so nothing is silently cut. */
export function toScaled(value: string, scale: number): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`"${value}" is not a decimal number`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > scale) throw new RangeError(`"${value}" has more than ${scale} decimal places`);
  const scaled = BigInt(whole!) * 10n ** BigInt(scale) + BigInt((fraction + '0'.repeat(scale)).slice(0, scale) || '0');
  return sign ? -scaled : scaled;
}

/** a * b / c rounded half away from zero, in exact integers. */
export function mulDivRound(a: bigint, b: bigint, c: bigint): bigint {
  if (c === 0n) throw new RangeError('division by zero');
  const product = a * b;
  const negative = product < 0n !== c < 0n;
  const n = product < 0n ? -product : product;
  const d = c < 0n ? -c : c;
  const rounded = (n * 2n + d) / (d * 2n);
  return negative ? -rounded : rounded;
}

const PERCENT_SCALE = 4;

/** `percent` per cent of `pence`, to the nearest penny: percentOf(4430000n, '7.5') = 332250n. */
export function percentOf(pence: Pence, percent: string): Pence {
  return mulDivRound(pence, toScaled(percent, PERCENT_SCALE), 100n * 10n ** BigInt(PERCENT_SCALE));
}

/** `pence` reduced by `percent` per cent, to the nearest penny: reduceBy(1300000n, '1.5') = 1280500n. */
export function reduceBy(pence: Pence, percent: string): Pence {
  const keep = 100n * 10n ** BigInt(PERCENT_SCALE) - toScaled(percent, PERCENT_SCALE);
  return mulDivRound(pence, keep, 100n * 10n ** BigInt(PERCENT_SCALE));
}

/** Pounds as printed in a paper: "£13,000", "4,430", "£1,000.50" -> pence. */
export function parsePounds(printed: string): Pence {
  const cleaned = printed.replace(/[£,\s]/g, '');
  if (!/^\d+(?:\.\d{1,2})?$/.test(cleaned)) throw new RangeError(`"${printed}" is not an amount in pounds`);
  return toScaled(cleaned, 2);
}

/**
 * A rate that may be a fraction of a penny, as GOV.UK style writes money: under a pound in pence written out
 * ("45 pence", "12.5 pence"), otherwise in pounds ("£1.20"). Takes the stored decimal string ("45", "12.5").
 */
export function formatRate(pence: string): string {
  const scaled = toScaled(pence, 4);
  if (scaled < 100n * 10_000n) return `${trimDecimal(pence)} pence`;
  return scaled % 10_000n === 0n ? formatPounds(scaled / 10_000n) : `£${trimDecimal((Number(scaled) / 1_000_000).toFixed(4))}`;
}

/** Pence as "£3,322.50" (negative: "-£19.00"). */
export function formatPounds(pence: Pence): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const pounds = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}£${pounds}.${rest}`;
}

/** Pence as a plain decimal for CSV and JSON: 332250n -> "3322.50". */
export function penceToDecimal(pence: Pence): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Normalises a decimal string as the database returns it ("7.5000" -> "7.5"). */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function minPence(a: Pence, b: Pence): Pence {
  return a < b ? a : b;
}
