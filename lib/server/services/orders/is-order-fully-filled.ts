import "server-only";
import { Dec } from "@/lib/domain/shared/decimal";
import { isFullyFilled, type Execution } from "@/lib/domain/orders/quantity";
import type { Order } from "../../db/generated/client";
import { listedPair } from "../../venues";

export type StoredExecution = Pick<
  Order,
  "venue" | "pair" | "targetQty" | "targetUnit" | "executedBase" | "executedQuote"
>;

/** The columns the rule reads, for queries that select only what they need. */
export const EXECUTION_COLUMNS = {
  venue: true,
  pair: true,
  targetQty: true,
  targetUnit: true,
  executedBase: true,
  executedQuote: true,
} as const satisfies Record<keyof StoredExecution, true>;

/** A stored order's figures for the domain's quantity rules. */
export function executionOf(order: StoredExecution): Execution {
  return {
    targetQty: new Dec(order.targetQty.toString()),
    targetUnit: order.targetUnit === "quote" ? "quote" : "base",
    executedBase: new Dec(order.executedBase.toString()),
    executedQuote: new Dec(order.executedQuote.toString()),
  };
}

/** The domain's fully-filled rule for a stored order, with the size step of its pair on its venue. */
export function isOrderFullyFilled(order: StoredExecution): boolean {
  const step = listedPair(order.venue, order.pair)?.sizeStep;
  return isFullyFilled(executionOf(order), step === undefined ? null : new Dec(step));
}
