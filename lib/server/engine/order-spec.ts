import { Dec } from "@/lib/domain/shared/decimal";
import type { OrderSpec, StrategyName, StrategyParams } from "@/lib/domain/orders/types";
import type { Order } from "../db/generated/client";

type DecimalLike = { toString(): string };

export const toDec = (value: DecimalLike): Dec => new Dec(value.toString());
export const toDecOrNull = (value: DecimalLike | null | undefined): Dec | null =>
  value === null || value === undefined ? null : new Dec(value.toString());

/** strategy_params as stored (snake_case JSON, decimals as strings) → the algorithms' StrategyParams. */
export function strategyParamsOf(json: unknown): StrategyParams {
  const raw = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const clip = raw.max_clip_size;
  return {
    passiveOnly: raw.passive_only === true,
    activeLimit: raw.active_limit === true,
    oolPause: raw.ool_pause === true,
    strictDuration: raw.strict_duration === true,
    maxClipSize: clip === null || clip === undefined || clip === "" ? null : new Dec(String(clip)),
    reduceOnly: raw.reduce_only === true,
  };
}

/** The order row as the algorithms see it. `startTime`/`endTime` come from the activation. */
export function orderSpecOf(order: Order, now: number): OrderSpec {
  const start = order.timeStart?.getTime() ?? now;
  return {
    id: order.id,
    pair: order.pair,
    side: order.side,
    strategy: (order.povTarget !== null ? "POV" : order.strategy) as StrategyName,
    targetQty: toDec(order.targetQty),
    targetUnit: order.targetUnit === "quote" ? "quote" : "base",
    startTime: start,
    endTime: order.timeEnd?.getTime() ?? null,
    limitPrice: toDecOrNull(order.limitPrice),
    isReverseLimitPrice: order.isReverseLimitPrice,
    passiveness: toDec(order.enginePassiveness),
    discretion: toDec(order.scheduleDiscretion),
    alphaTilt: toDec(order.alphaTilt),
    povTarget: toDecOrNull(order.povTarget),
    povLimit: toDecOrNull(order.povLimit),
    params: strategyParamsOf(order.strategyParams),
  };
}
