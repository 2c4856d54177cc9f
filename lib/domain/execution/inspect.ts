import type { OrderSpec } from "../orders/types";
import type { Band } from "./schedule";
import type { AlgoState } from "./types";
import { executedTarget, type CoreState } from "./state";

/** Reading a reducer's state from outside (dashboard, harness, tests) without knowing its shape. */

const isCore = (state: AlgoState): state is CoreState => (state as Partial<CoreState>).version === 1;

/** The schedule band at the last tick (fractions of the target), or null for unscheduled strategies. */
export function scheduleBand(state: AlgoState): Band | null {
  return isCore(state) ? state.band : null;
}

/** Executed quantity in the order's target unit, as the algorithm counts it. */
export function executedOf(order: Pick<OrderSpec, "targetUnit">, state: AlgoState): string | null {
  return isCore(state) ? executedTarget(order, state).toFixed() : null;
}
