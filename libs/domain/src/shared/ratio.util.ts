import { ValidationError } from './domain.error';

/**
 * A rational number kept as two integers so thresholds never go through floating point.
 * @example const twoThirds: Ratio = { numerator: 2, denominator: 3 };
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** Builds a ratio, rejecting non-integers and a zero denominator. */
export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new ValidationError(
      `A ratio needs non-negative integers and a positive denominator, got ${numerator}/${denominator}`,
      {},
      { code: 'RATIO_INVALID' },
    );
  }
  return { numerator, denominator };
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(
      `${name} must be a non-negative whole number, got ${value}`,
      { [name]: value },
      { code: 'COUNT_INVALID' },
    );
  }
}

/** `part / whole > r`, in integers: `part * d > whole * n`. "More than half" is `exceeds(v, base, 1/2)`. */
export function exceeds(part: number, whole: number, r: Ratio): boolean {
  assertCount('part', part);
  assertCount('whole', whole);
  return part * r.denominator > whole * r.numerator;
}

/** `part / whole >= r`, in integers. A 2/3 quorum is `atLeast(present, summoned, 2/3)`. */
export function atLeast(part: number, whole: number, r: Ratio): boolean {
  assertCount('part', part);
  assertCount('whole', whole);
  return part * r.denominator >= whole * r.numerator;
}

/** `part / whole <= r`, in integers. */
export function atMost(part: number, whole: number, r: Ratio): boolean {
  return !exceeds(part, whole, r);
}

/** Smallest integer `k` with `k / whole >= r` (e.g. members needed for a 2/3 quorum). */
export function minimumAtLeast(whole: number, r: Ratio): number {
  assertCount('whole', whole);
  return ceilDiv(whole * r.numerator, r.denominator);
}

/** Smallest integer `k` with `k / whole > r` (e.g. votes needed for "more than half"). */
export function minimumExceeding(whole: number, r: Ratio): number {
  assertCount('whole', whole);
  return Math.floor((whole * r.numerator) / r.denominator) + 1;
}

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/**
 * Shows `part / whole` as a percentage rounded half up on the raw counts, e.g. `formatPercent(14, 67)` is
 * `"20.90%"` (the published 20.89% was truncated). Only raw counts are ever stored; this is for display.
 */
export function formatPercent(part: number, whole: number, decimals = 2): string {
  assertCount('part', part);
  assertCount('whole', whole);
  if (whole === 0) {
    throw new ValidationError('Cannot show a percentage of zero', { part, whole }, { code: 'PERCENTAGE_OF_ZERO' });
  }
  const scale = 10 ** decimals;
  // round half up: floor((2 * part * 100 * scale + whole) / (2 * whole))
  const scaled = Math.floor((2 * part * 100 * scale + whole) / (2 * whole));
  const units = Math.floor(scaled / scale);
  const fraction = scaled % scale;
  return decimals === 0 ? `${units}%` : `${units}.${String(fraction).padStart(decimals, '0')}%`;
}
