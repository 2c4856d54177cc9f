/**
 * Schedule shapes: maps from progress through a segment (time or expected volume, 0..1) to the
 * fraction of the segment's quantity that should be done by then. All monotone, 0 at 0 and 1 at 1.
 * Dimensionless numbers: quantities are applied to them as decimals by the caller.
 */

export const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x);
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Strength of alpha tilt: at tilt ±1 the rate at one end is e^3 ≈ 20× the rate at the other. */
export const TILT_STRENGTH = 3;

/**
 * Alpha tilt as an exponential rate profile: rate ∝ e^(−k·a·x), so a > 0 front-loads (trades faster
 * early) and a < 0 back-loads, while the cumulative curve stays monotone and hits 0 and 1 exactly.
 */
export function tilt(x: number, alphaTilt: number, strength = TILT_STRENGTH): number {
  const u = clamp01(x);
  if (u === 0 || u === 1) return u;
  const k = clamp(alphaTilt, -1, 1) * strength;
  if (Math.abs(k) < 1e-9) return u;
  return (1 - Math.exp(-k * u)) / (1 - Math.exp(-k));
}

/** Elapsed fraction of [start, end] at `t`. */
export function timeProgress(t: number, start: number, end: number): number {
  if (end <= start) return 1;
  return clamp01((t - start) / (end - start));
}

/**
 * Almgren–Chriss optimal liquidation: with urgency κ (risk aversion × volatility against temporary
 * impact, times the horizon) the holdings decay like sinh(κ(1−u))/sinh(κ), so the executed fraction is
 * 1 − sinh(κ(1−u))/sinh(κ): linear (TWAP) as κ → 0, steeply front-loaded as κ grows.
 */
export function almgrenChriss(u: number, kappa: number): number {
  const x = clamp01(u);
  if (kappa < 1e-6) return x;
  // sinh ratio without overflow for large κ: e^(−κu)·(1 − e^(−2κ(1−u)))/(1 − e^(−2κ)).
  const remaining =
    (Math.exp(-kappa * x) * (1 - Math.exp(-2 * kappa * (1 - x)))) / (1 - Math.exp(-2 * kappa));
  return clamp01(1 - remaining);
}

/** Number of slices of a schedule: one a minute, fewer when slices would fall under the minimum. */
export function sliceCount(durationMs: number, quantityInMinimums: number, targetSliceMs = 60_000): number {
  const byTime = Math.max(1, Math.round(durationMs / targetSliceMs));
  const byQty = Math.max(1, Math.floor(quantityInMinimums));
  return Math.max(1, Math.min(byTime, byQty));
}

/** A band around a target fraction c: the order must stay inside [c − d, c + d] (clamped to [0, 1]). */
export interface Band {
  target: number;
  lower: number;
  upper: number;
}

export const bandAround = (target: number, below: number, above: number): Band => ({
  target: clamp01(target),
  lower: clamp01(target - below),
  upper: clamp01(target + above),
});
