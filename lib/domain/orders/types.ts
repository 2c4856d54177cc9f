import type { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";

/** The execution strategies, by the names the Core Order API uses. POV is any order with pov_target. */
export const STRATEGIES = [
  "Market",
  "Limit",
  "IOC",
  "Iceberg",
  "TWAP",
  "VWAP",
  "POV",
  "Target Time",
  "IS",
] as const;
export type StrategyName = (typeof STRATEGIES)[number];

export interface StrategyParams {
  /** Never cross the spread; rest at or behind the touch only. */
  passiveOnly: boolean;
  /** Re-peg resting child orders aggressively to the touch when they fall behind. */
  activeLimit: boolean;
  /** Stop trading (cancel resting children) while the price is outside the limit; resume when back. */
  oolPause: boolean;
  /** Finish exactly at the end time: no catch-up crossing in the final slice beyond the schedule. */
  strictDuration: boolean;
  /** Largest notional (quote units) of one child order; Iceberg's visible clip. */
  maxClipSize: Dec | null;
  reduceOnly: boolean;
  /** Spot orders may borrow (margin) on venues that offer it. Optional: absent means false. */
  spotLeverage?: boolean;
}

/**
 * A parent order as the engine and the algorithms see it. Quantities are decimals; `targetQty` is
 * measured in `targetUnit` (base for a base-sized order, quote for a notional-sized one).
 */
export interface OrderSpec {
  id: string;
  pair: string;
  side: Side;
  strategy: StrategyName;
  targetQty: Dec;
  targetUnit: "base" | "quote";
  /** When execution may begin (epoch ms); the engine sets it to the activation time. */
  startTime: number;
  /** When the schedule ends (epoch ms); null for a POV order without a duration. */
  endTime: number | null;
  limitPrice: Dec | null;
  /** The limit bounds the other way: a buy trades only at or above it, a sell at or below. */
  isReverseLimitPrice: boolean;
  /** 0 = cross the spread, 1 = rest far from it. */
  passiveness: Dec;
  /** Allowed deviation from the schedule, as a fraction of targetQty: [0.02, 0.5]. */
  discretion: Dec;
  /** −1..1: positive front-loads the schedule, negative back-loads it. */
  alphaTilt: Dec;
  povTarget: Dec | null;
  povLimit: Dec | null;
  params: StrategyParams;
}
