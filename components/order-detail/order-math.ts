import type { TCoreFill, TCoreOrderDetail } from "@/lib/contracts/core/orders";
import type { TCandle, TCandleInterval, TVolumeBucket } from "@/lib/contracts/market";

/**
 * What the order-detail charts derive from the order, its fills and the market. Chart geometry is
 * display-only, so it is done in numbers; money shown as text stays the API's decimal strings.
 */

const FINISHED = new Set(["COMPLETE", "CANCELED", "FAILED"]);
export const isFinished = (status: string) => FINISHED.has(status);

/** Start, planned end and (for a finished order) actual end, epoch ms. */
export function orderTimes(order: TCoreOrderDetail): {
  start: number;
  end: number;
  finishedAt: number | null;
} {
  const start = Date.parse(order.time_start ?? order.start_datetime ?? order.created_at);
  const finishedAt = isFinished(order.status) ? Date.parse(order.updated_at) : null;
  const planned = order.time_end ? Date.parse(order.time_end) : null;
  const end = planned ?? finishedAt ?? start + 60_000;
  return { start, end: Math.max(end, start + 1_000), finishedAt };
}

const INTERVALS: [TCandleInterval, number][] = [
  ["1s", 1_000],
  ["5s", 5_000],
  ["15s", 15_000],
  ["1m", 60_000],
  ["5m", 300_000],
  ["15m", 900_000],
  ["1h", 3_600_000],
];
const MAX_BARS = 600;
/** The candles endpoint covers at most a day. */
const MAX_SPAN = 24 * 3_600_000 - 60_000;

/**
 * The price chart's range and bar size: the order's life with a margin each side, in at most 600
 * bars; `to` is open (now) while the order works. Call it with a fixed `now` (the page's load
 * time) so the range, and with it the query key, stays put while the order works.
 */
export function chartRange(order: TCoreOrderDetail, now: number) {
  const { start, end, finishedAt } = orderTimes(order);
  const last = finishedAt ?? end;
  const span = Math.max(last - start, 30_000);
  const pad = Math.max(span * 0.1, 10_000);
  const upper = last + pad;
  let from = start - pad;
  if (upper - from > MAX_SPAN) from = upper - MAX_SPAN;
  // Not started yet (scheduled): show the market leading up to now.
  if (start > now) from = now - Math.max(span, 15 * 60_000);
  let to: number | undefined = finishedAt !== null ? Math.min(upper, now) : undefined;
  if (to !== undefined && to <= from) to = undefined;
  const total = Math.max(upper, now) - from;
  const [interval] = INTERVALS.find(([, ms]) => total / ms <= MAX_BARS) ?? INTERVALS[INTERVALS.length - 1]!;
  return { from: Math.floor(from / 1000) * 1000, to, interval };
}

/** Seconds since epoch, as the chart library counts time. */
export const chartTime = (ms: number) => Math.floor(ms / 1000);

/** Fills folded per second (quantity-weighted price): the chart needs one point per instant. */
export function fillPoints(fills: readonly TCoreFill[]): { time: number; value: number; qty: number }[] {
  const bySecond = new Map<number, { notional: number; qty: number }>();
  for (const fill of fills) {
    const second = chartTime(Date.parse(fill.fill_time));
    const qty = Number(fill.executed_qty);
    const entry = bySecond.get(second) ?? { notional: 0, qty: 0 };
    entry.notional += Number(fill.executed_price) * qty;
    entry.qty += qty;
    bySecond.set(second, entry);
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, e]) => e.qty > 0)
    .map(([time, e]) => ({ time, value: e.notional / e.qty, qty: e.qty }));
}

/** The market's VWAP from the order's start, bar by bar (the interval VWAP as it built up). */
export function runningVwap(candles: readonly TCandle[], start: number, end: number) {
  let volume = 0;
  let notional = 0;
  const points: { time: number; value: number }[] = [];
  for (const candle of candles) {
    const t = Date.parse(candle.time);
    if (t < start || t > end) continue;
    volume += Number(candle.volume);
    notional += Number(candle.quote_volume);
    if (volume > 0) points.push({ time: chartTime(t), value: notional / volume });
  }
  return points;
}

/** Executed share of the target over time (0..100), a step per fill, in the order's target unit. */
export function executedCurve(order: TCoreOrderDetail, fills: readonly TCoreFill[]) {
  const target = Number(order.target_order_qty);
  if (!(target > 0)) return [];
  const inQuote = order.target_token === order.pair.slice(order.pair.lastIndexOf("-") + 1);
  const sorted = [...fills].sort((a, b) => Date.parse(a.fill_time) - Date.parse(b.fill_time));
  let executed = 0;
  return sorted.map((fill) => {
    executed += Number(inQuote ? fill.executed_notional : fill.executed_qty);
    return { time: Date.parse(fill.fill_time), pct: Math.min(100, (executed / target) * 100) };
  });
}

/** The share a schedule should have done by `at`: linear, or following the expected volume. */
export function scheduledPct(at: number, start: number, end: number, profile?: readonly TVolumeBucket[]) {
  if (at <= start) return 0;
  if (at >= end) return 100;
  if (!profile || profile.length === 0) return ((at - start) / (end - start)) * 100;
  let done = 0;
  for (const bucket of profile) {
    const from = Date.parse(bucket.start);
    const to = Date.parse(bucket.end);
    const fraction = Number(bucket.fraction);
    if (at >= to) done += fraction;
    else if (at > from) done += fraction * ((at - from) / (to - from));
  }
  return Math.min(100, done * 100);
}

/** Sum of the fills' base quantity (fills are in base units whatever the order's target). */
export const filledBase = (fills: readonly TCoreFill[]) =>
  fills.reduce((sum, fill) => sum + Number(fill.executed_qty), 0);
