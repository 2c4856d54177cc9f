import type { OrderSpec, StrategyName } from "../orders/types";
import type { AlgoState, Algorithm } from "./types";
import { iceberg } from "./iceberg";
import { ioc } from "./ioc";
import { implementationShortfall } from "./is";
import { limit } from "./limit";
import { market } from "./market";
import { pov } from "./pov";
import { targetTime } from "./target-time";
import { twap } from "./twap";
import { vwap } from "./vwap";

/** Every strategy's reducer by name. */
export const ALGORITHMS: Record<StrategyName, Algorithm> = {
  Market: market,
  Limit: limit,
  IOC: ioc,
  Iceberg: iceberg,
  TWAP: twap,
  VWAP: vwap,
  POV: pov,
  "Target Time": targetTime,
  IS: implementationShortfall,
};

/** The reducer that works `order`: any order with pov_target is POV, whatever its strategy name. */
export function algorithmFor(order: Pick<OrderSpec, "strategy" | "povTarget">): Algorithm<AlgoState> {
  if (order.povTarget !== null) return ALGORITHMS.POV;
  const algorithm = ALGORITHMS[order.strategy];
  if (!algorithm) throw new Error(`unknown strategy ${order.strategy}`);
  return algorithm;
}

export type { Algorithm, AlgoEvent, AlgoState, ChildOrder, Command, MarketView } from "./types";
export type { CoreState } from "./state";
export { scheduleBand, executedOf } from "./inspect";
