/**
 * Mileage at the scheme's banded rates. HMRC's approved rates (and so the scheme's) change with the number of
 * business miles in the tax year: 40p (later 45p) for the first 10,000 miles and 25p after. A journey that crosses
 * the threshold is split between the bands; the count starts again on 6 April.
 */
import { mulDivRound, toScaled, type Pence } from './money.ts';

export interface MileageBand {
  /** Miles in the tax year up to which this band applies; null for the last band. */
  upToMiles: number | null;
  /** Pence per mile, as a decimal string ("40", "45", "24.5"). */
  pencePerMile: string;
}

export interface MileagePart {
  /** Miles at this rate, one decimal place ("12.5"). */
  miles: string;
  pencePerMile: string;
  amountPence: Pence;
}

/** Miles as tenths, the precision a claim form takes: "12.5" -> 125n. */
export function milesToTenths(miles: string): bigint {
  return toScaled(miles, 1);
}

export function tenthsToMiles(tenths: bigint): string {
  const whole = tenths / 10n;
  const fraction = tenths % 10n;
  return fraction === 0n ? whole.toString() : `${whole}.${fraction}`;
}

/** Bands must be in order with one open last band, so every mile has exactly one rate. */
export function checkBands(bands: MileageBand[]): void {
  if (bands.length === 0) throw new RangeError('a mileage rate needs at least one band');
  bands.forEach((band, index) => {
    const last = index === bands.length - 1;
    if (last !== (band.upToMiles === null)) throw new RangeError('only the last mileage band is open-ended');
    const previous = bands[index - 1]?.upToMiles;
    if (band.upToMiles !== null && previous != null && band.upToMiles <= previous) throw new RangeError('mileage bands must rise');
  });
}

/**
 * Splits a journey of `miles` between the bands, given the business miles already claimed in the same tax year
 * before it. Each part is rounded to the penny on its own, as it is printed on the claim.
 */
export function splitMileage(bands: MileageBand[], milesBeforeTenths: bigint, milesTenths: bigint): MileagePart[] {
  checkBands(bands);
  if (milesTenths <= 0n) throw new RangeError('miles must be more than 0');
  if (milesBeforeTenths < 0n) throw new RangeError('miles before cannot be negative');
  const parts: MileagePart[] = [];
  let position = milesBeforeTenths;
  let remaining = milesTenths;
  for (const band of bands) {
    if (remaining === 0n) break;
    const ceiling = band.upToMiles === null ? null : BigInt(band.upToMiles) * 10n;
    if (ceiling !== null && position >= ceiling) continue;
    const room = ceiling === null ? remaining : ceiling - position;
    const take = remaining < room ? remaining : room;
    // tenths of a mile x hundredths of a penny / (10 x 100)
    const amountPence = mulDivRound(take, toScaled(band.pencePerMile, 2), 1000n);
    parts.push({ miles: tenthsToMiles(take), pencePerMile: band.pencePerMile, amountPence });
    position += take;
    remaining -= take;
  }
  return parts;
}
