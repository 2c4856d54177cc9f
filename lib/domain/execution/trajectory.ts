import { type Dec, ZERO } from "../shared/decimal";
import type { OrderSpec } from "../orders/types";
import type { MarketView } from "./types";
import type { Intent, PolicyContext } from "./core";
import { CROSS_BELOW_PASSIVENESS } from "./pricing";
import { bandAround, clamp01 } from "./schedule";
import { fmt, unitOf, type CoreState } from "./state";

/**
 * Following a schedule inside its discretion band — the part TWAP, VWAP, IS and Target Time share.
 *
 * The schedule is a cumulative fraction c(t) of the target: executed-at-segment-start plus the
 * segment's quantity times the strategy's shape f(t) (monotone, 0 → 1 over the segment). With
 * discretion d the order must stay inside [c(t) − d, c(t) + d]·Q:
 * - above the band: nothing new, resting children are canceled (the core does that when rest = 0);
 * - below the band: take liquidity back to c − d/2 (passive_only: join the touch instead);
 * - inside: rest passive children for the schedule a slice ahead (or up to the band's top).
 * Near the end the lower edge closes in on c(t) so the order arrives on schedule at the final
 * stretch, where the core crosses whatever is left.
 */

/** The lower band edge closes over the last 15 % of the segment. */
export const LOWER_BAND_RAMP_SHARE = 0.15;

export interface FollowOptions {
  /** The strategy's shape: fraction of the segment's quantity due by `t` (monotone, 0..1). */
  fraction: (t: number) => number;
  /** Rest one slice ahead of the schedule, or as much as the band allows. */
  restAhead: "slice" | "band";
  /** Passiveness of resting children (default: the order's). */
  passiveness?: number;
}

export function followSchedule(ctx: PolicyContext, options: FollowOptions): Intent {
  const { Q, E, segBase, segStart, segEnd, time, sliceMs, order } = ctx;
  const q = Q.toNumber();
  const base = segBase.toNumber();
  const segQty = Math.max(0, q - base);
  const at = (t: number): number => (q > 0 ? (base + segQty * clamp01(options.fraction(t))) / q : 1);
  const c = at(time);
  const d = ctx.discretion;
  const ramp =
    segEnd === null || order.params.strictDuration
      ? 1
      : clamp01((segEnd - time) / Math.max(1, LOWER_BAND_RAMP_SHARE * (segEnd - segStart)));
  const below = d * ramp;
  const band = bandAround(c, below, d);
  const e = q > 0 ? E.toNumber() / q : 1;
  const p = options.passiveness ?? ctx.passiveness;
  const slices = Math.max(1, ctx.state.seg.slices);
  const sliceShare = q > 0 ? segQty / slices / q : 0;
  const intent: Intent = { band, take: ZERO, rest: ZERO, passiveness: p };
  if (e > band.upper) return intent;

  let takeShare = e < band.lower ? c - below / 2 - e : 0;
  if (p < CROSS_BELOW_PASSIVENESS && c - e >= sliceShare * 0.999) {
    // Passiveness 0: cross each slice as it falls due.
    takeShare = Math.max(takeShare, c - e);
  }
  const ahead = options.restAhead === "slice" ? at(time + sliceMs) : band.upper;
  const restShare = Math.max(0, Math.min(ahead, band.upper) - e - Math.max(0, takeShare));
  intent.take = shareOf(Q, takeShare);
  intent.rest = shareOf(Q, restShare);
  intent.restQuantum = shareOf(Q, sliceShare / 4);
  return intent;
}

/** `share` (a float fraction) of a decimal quantity; exactly zero for a share ≤ 0. */
const shareOf = (q: Dec, share: number): Dec => (share > 0 ? q.mul(share.toFixed(12)) : ZERO);

/** Expected-volume progress through [start, end] at `t`: the VWAP clock (time progress if flat). */
export function volumeProgress(view: MarketView, start: number, end: number, t: number): number {
  if (end <= start) return 1;
  const total = view.expectedVolume(start, end).toNumber();
  if (!(total > 0)) return clamp01((t - start) / (end - start));
  const clipped = Math.min(Math.max(t, start), end);
  return clamp01(view.expectedVolume(start, clipped).toNumber() / total);
}

/** "Generating execution schedule: 30 slices over 30.0 min (TWAP: 2 BTC, passiveness 0.2, …)". */
export function scheduleDescription(
  name: string,
  order: OrderSpec,
  s: CoreState,
  extra: string[] = [],
): string {
  const minutes = s.seg.end === null ? 0 : (s.seg.end - s.seg.start) / 60_000;
  const parts = [
    `${fmt(order.targetQty)} ${unitOf(order, s.spec)} ${order.side}`,
    `passiveness ${order.passiveness.toFixed()}`,
    `discretion ${order.discretion.toFixed()}`,
    `alpha tilt ${order.alphaTilt.toFixed()}`,
    ...extra,
  ];
  if (order.limitPrice)
    parts.push(`${order.isReverseLimitPrice ? "reverse " : ""}limit ${fmt(order.limitPrice)}`);
  if (order.povLimit) parts.push(`pov_limit ${order.povLimit.toFixed()}`);
  return `Generating execution schedule: ${s.seg.slices} slices over ${minutes.toFixed(1)} min (${name}: ${parts.join(", ")}).`;
}
