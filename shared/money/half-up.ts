/**
 * The one rounding rule of Cabas money: an exact fraction of integer cents is
 * rounded to the nearest cent, halves up (away from zero), in integers only —
 * no floating point, so every copy of the app finds the same cent.
 */

/** round(numerator / denominator), halves away from zero, for non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
