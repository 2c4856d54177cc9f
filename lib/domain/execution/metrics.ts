import { ZERO, type Dec } from "../shared/decimal";
import type { OrderSpec } from "../orders/types";
import type { SimFill, SimSample } from "./harness";

/** The interval VWAP of an order that finishes at once is measured over its first minute. */
export const MIN_TAPE_MS = 60_000;

/**
 * Execution-quality metrics of one simulated order (definitions: performance-anchors §1.1). Side
 * sign s = +1 buy, −1 sell; every cost is positive when it hurt us. Floats are fine here: these are
 * reports about an execution, not amounts that move money.
 */
export interface ExecutionMetrics {
  executedBase: number;
  executedTarget: number;
  completionPct: number;
  /** Size-weighted average fill price (null without fills). */
  averagePrice: number | null;
  arrivalMid: number;
  /** Implementation shortfall vs the arrival mid, bps, fees included; the unfilled rest is charged at the end mid. */
  costVsArrivalBps: number;
  /** The same without fees (price only). */
  priceCostVsArrivalBps: number;
  /** Fees paid, bps of the executed notional. */
  feesBps: number;
  /** s·(avg − VWAP of others' trades over [start, last fill])/VWAP, bps; own fills excluded. Price only. */
  costVsIntervalVwapBps: number | null;
  intervalVwap: number | null;
  /** Σq·s·(p − F(t))/F(t) / Σq, bps: against the unimpacted reference price at each fill's time. Price only. */
  costVsReferenceBps: number | null;
  /** own / (own + others) over [start, last fill]. */
  participation: number | null;
  /** Share of the executed quantity filled passively. */
  passiveShare: number;
  /** max |executed(t) − schedule(t)| over the ticks, fraction of the target (null without a schedule). */
  maxScheduleDeviation: number | null;
  /** max |executed(t) − Q·t/T| / Q against the plain linear schedule (null without an end time). */
  maxLinearDeviation: number | null;
  /** Ticks where executed was outside the reducer's band (beyond a size step). */
  bandViolations: number;
  /** Share of the quantity filled in the final stretch (last 5 % of the schedule, at most a minute). */
  finalStretchShare: number | null;
  childCount: number;
  durationMs: number;
}

interface MetricInput {
  start: number;
  order: OrderSpec;
  finalOrder: OrderSpec;
  fills: SimFill[];
  samples: SimSample[];
  tape: { time: number; volume: Dec; notional: Dec }[];
  arrivalMid: Dec;
  endMid: Dec;
  endedAt: number;
  placements: unknown[];
}

const bps = (x: number): number => x * 10_000;

export function computeMetrics(r: MetricInput, sign: 1 | -1): ExecutionMetrics {
  const order = r.order;
  const start = r.start;
  const startTime = r.start;
  let base = ZERO;
  let notional = ZERO;
  let fees = ZERO;
  let passive = ZERO;
  let refWeighted = 0;
  let lastFill = 0;
  for (const f of r.fills) {
    base = base.add(f.size);
    notional = notional.add(f.size.mul(f.price));
    fees = fees.add(f.fee);
    if (f.role === "MAKE") passive = passive.add(f.size);
    const ref = f.reference.toNumber();
    refWeighted += f.size.toNumber() * sign * ((f.price.toNumber() - ref) / ref);
    lastFill = Math.max(lastFill, f.time);
  }
  const qBase = base.toNumber();
  const avg = qBase > 0 ? notional.div(base).toNumber() : null;
  const arrival = r.arrivalMid.toNumber();
  const endMid = r.endMid.toNumber();
  const target = r.finalOrder.targetQty.toNumber();
  const executedTarget = r.finalOrder.targetUnit === "quote" ? notional.toNumber() : qBase;
  const unfilledTarget = Math.max(0, target - executedTarget);
  const unfilledBase = r.finalOrder.targetUnit === "quote" ? unfilledTarget / endMid : unfilledTarget;
  const totalBase = qBase + unfilledBase;
  const priceCost = sign * (notional.toNumber() - qBase * arrival) + sign * unfilledBase * (endMid - arrival);
  const denominator = totalBase * arrival;
  const priceCostVsArrivalBps = denominator > 0 ? bps(priceCost / denominator) : 0;
  const costVsArrivalBps = denominator > 0 ? bps((priceCost + fees.toNumber()) / denominator) : 0;

  // Others' trades over [start, last fill] (at least a minute): the interval VWAP, own fills excluded.
  const until = Math.max(lastFill, start + MIN_TAPE_MS);
  let volume = ZERO;
  let tapeNotional = ZERO;
  for (const t of r.tape) {
    volume = volume.add(t.volume);
    tapeNotional = tapeNotional.add(t.notional);
    if (t.time >= until) break;
  }
  const ivwap = volume.gt(0) ? tapeNotional.div(volume).toNumber() : null;
  const costVsIntervalVwapBps = ivwap !== null && avg !== null ? bps((sign * (avg - ivwap)) / ivwap) : null;
  const participation = qBase > 0 && volume.gt(0) ? qBase / (qBase + volume.toNumber()) : null;

  let maxDev: number | null = null;
  let bandViolations = 0;
  const stepShare = target > 0 ? 1e-9 : 0;
  for (const s of r.samples) {
    if (s.target === null || s.lower === null || s.upper === null) continue;
    const dev = Math.abs(s.executedShare - s.target);
    maxDev = maxDev === null ? dev : Math.max(maxDev, dev);
    if (s.executedShare < s.lower - stepShare || s.executedShare > s.upper + stepShare) bandViolations += 1;
  }
  let maxLinear: number | null = null;
  let finalStretchShare: number | null = null;
  const end = order.endTime;
  if (end !== null && end > startTime) {
    for (const s of r.samples) {
      if (s.time > end) break;
      const due = Math.min(1, (s.time - startTime) / (end - startTime));
      const dev = Math.abs(s.executedShare - due);
      maxLinear = maxLinear === null ? dev : Math.max(maxLinear, dev);
    }
    const window = Math.min(60_000, 0.05 * (end - startTime));
    const late = r.fills.filter((f) => f.time >= end - window).reduce((sum, f) => sum + f.size.toNumber(), 0);
    finalStretchShare = qBase > 0 ? late / qBase : 0;
  }
  let refCost: number | null = null;
  if (qBase > 0) refCost = bps(refWeighted / qBase);

  return {
    executedBase: qBase,
    executedTarget,
    completionPct: target > 0 ? (100 * executedTarget) / target : 100,
    averagePrice: avg,
    arrivalMid: arrival,
    costVsArrivalBps,
    priceCostVsArrivalBps,
    feesBps: notional.gt(0) ? bps(fees.div(notional).toNumber()) : 0,
    costVsIntervalVwapBps,
    intervalVwap: ivwap,
    costVsReferenceBps: refCost,
    participation,
    passiveShare: qBase > 0 ? passive.toNumber() / qBase : 0,
    maxScheduleDeviation: maxDev,
    maxLinearDeviation: maxLinear,
    bandViolations,
    finalStretchShare,
    childCount: r.placements.length,
    durationMs: (lastFill || r.endedAt) - startTime,
  };
}
