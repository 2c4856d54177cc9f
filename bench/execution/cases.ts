import { Dec } from "@/lib/domain/shared/decimal";
import { createMarketModel } from "@/lib/domain/market/model";
import { simulate } from "@/lib/domain/execution/harness";
import type { Algorithm } from "@/lib/domain/execution/types";
import type { OrderSpec } from "@/lib/domain/orders/types";
import { equalSlicesBaseline, marketBaseline } from "./baselines";

/** One benchmark case: a seed, a pair, a parent size; every contender on the same simulated market. */

export const CONTENDERS = [
  "B-MKT",
  "B-EQ",
  "Market",
  "TWAP",
  "VWAP",
  "POV 10%",
  "IS",
  "Target Time",
  "Iceberg",
] as const;
export type Contender = (typeof CONTENDERS)[number];

export interface BenchSettings {
  seeds: number;
  seedOffset: number;
  pairs: string[];
  sizes: number[];
  horizonMin: number;
  tickMs: number;
  start: number;
  slices: number;
  contenders: Contender[];
}

export interface CaseRow {
  seed: string;
  pair: string;
  size: number;
  contender: Contender;
  costVsArrivalBps: number;
  costVsReferenceBps: number | null;
  costVsIntervalVwapBps: number | null;
  feesBps: number;
  completionPct: number;
  passiveShare: number;
  participation: number | null;
  maxLinearDeviation: number | null;
  durationMin: number;
  children: number;
  violations: number;
  ms: number;
}

const PARAMS = {
  passiveOnly: false,
  activeLimit: false,
  oolPause: false,
  strictDuration: false,
  maxClipSize: null,
  reduceOnly: false,
};

export function runCase(settings: BenchSettings, seed: string, pair: string, size: number): CaseRow[] {
  const model = createMarketModel({ seed });
  const start = settings.start;
  const end = start + settings.horizonMin * 60_000;
  const spec = model.spec(pair);
  const expected = model.expectedVolume(pair, start, end);
  const qty = expected.mul(size).div(spec.sizeStep).floor().mul(spec.sizeStep);
  const arrival = model.book(pair, start).mid;
  const rows: CaseRow[] = [];
  for (const contender of settings.contenders) {
    const base: OrderSpec = {
      id: `bench-${seed}`,
      pair,
      side: Number.parseInt(seed.replace(/\D/g, "") || "0", 10) % 2 === 0 ? "buy" : "sell",
      strategy: "TWAP",
      targetQty: qty,
      targetUnit: "base",
      startTime: start,
      endTime: end,
      limitPrice: null,
      isReverseLimitPrice: false,
      passiveness: new Dec("0.02"),
      discretion: new Dec("0.06"),
      alphaTilt: new Dec(0),
      povTarget: null,
      povLimit: null,
      params: { ...PARAMS },
    };
    let order = base;
    let algorithm: Algorithm | undefined;
    let maxTime = end + 10 * 60_000;
    let tickMs = settings.tickMs;
    switch (contender) {
      case "B-MKT":
        algorithm = marketBaseline;
        order = { ...base, strategy: "Market", endTime: null };
        break;
      case "B-EQ":
        algorithm = equalSlicesBaseline(settings.slices);
        // It acts only at slice boundaries: tick once per slice.
        tickMs = (settings.horizonMin * 60_000) / settings.slices;
        break;
      case "Market":
        order = { ...base, strategy: "Market", endTime: null };
        break;
      case "POV 10%":
        // Runs until done (no end time): at 10 % it needs about 0.9·Q/0.1 of others' volume.
        order = { ...base, strategy: "POV", povTarget: new Dec("0.1"), endTime: null };
        maxTime = start + 4 * settings.horizonMin * 60_000;
        break;
      case "Iceberg":
        order = {
          ...base,
          strategy: "Iceberg",
          params: { ...PARAMS, maxClipSize: qty.mul(arrival).div(settings.slices).toDecimalPlaces(2) },
        };
        break;
      default:
        order = { ...base, strategy: contender };
    }
    const t0 = performance.now();
    const result = simulate({ model, order, start, tickMs, maxTime, algorithm, persist: false });
    const m = result.metrics;
    const lastFill = result.fills.reduce((t, f) => Math.max(t, f.time), start);
    rows.push({
      seed,
      pair,
      size,
      contender,
      costVsArrivalBps: m.costVsArrivalBps,
      costVsReferenceBps: m.costVsReferenceBps,
      costVsIntervalVwapBps: m.costVsIntervalVwapBps,
      feesBps: m.feesBps,
      completionPct: m.completionPct,
      passiveShare: m.passiveShare,
      participation: m.participation,
      maxLinearDeviation: m.maxLinearDeviation,
      durationMin: (lastFill - start) / 60_000,
      children: m.childCount,
      violations: result.violations.length,
      ms: performance.now() - t0,
    });
  }
  return rows;
}
