import { Dec } from "@/lib/domain/shared/decimal";
import type { Fill, Order } from "../../db/generated/client";

/** hummingbot's order states, from the canonical status and how much filled. */
export type TradingStatus =
  "SUBMITTED" | "OPEN" | "PENDING_CANCEL" | "CANCELLED" | "PARTIALLY_FILLED" | "FILLED" | "FAILED";

const text = (value: { toString(): string } | null | undefined): string | null =>
  value === null || value === undefined ? null : new Dec(value.toString()).toFixed();

function isFullyFilled(order: Order): boolean {
  const executed = new Dec(
    (order.targetUnit === "quote" ? order.executedQuote : order.executedBase).toString(),
  );
  return executed.gte(new Dec(order.targetQty.toString()).mul("0.999999"));
}

export function tradingStatus(order: Order): TradingStatus {
  const filled = new Dec(order.executedBase.toString()).gt(0);
  switch (order.status) {
    case "scheduled":
    case "initialized":
    case "pending":
      return "SUBMITTED";
    case "active":
    case "finishing":
    case "paused":
      return filled ? "PARTIALLY_FILLED" : "OPEN";
    case "cancel_pending":
      return "PENDING_CANCEL";
    case "complete":
      // A completed order with a remainder had its remainder canceled (an expired GTC, a short market).
      return isFullyFilled(order) ? "FILLED" : "CANCELLED";
    case "canceled":
      return "CANCELLED";
    case "failed":
      return "FAILED";
  }
}

/** Canonical statuses an order in this hummingbot status can have (for the `status` filter). */
export function canonicalStatusesFor(status: string): string[] | null {
  switch (status.toUpperCase()) {
    case "SUBMITTED":
      return ["scheduled", "initialized", "pending"];
    case "OPEN":
    case "PARTIALLY_FILLED":
      return ["active", "finishing", "paused"];
    case "PENDING_CANCEL":
      return ["cancel_pending"];
    case "CANCELLED":
    case "CANCELED":
      return ["canceled", "complete"];
    case "FILLED":
      return ["complete"];
    case "FAILED":
      return ["failed"];
    default:
      return null;
  }
}

/** The order type a bot sees: LIMIT / LIMIT_MAKER / MARKET, or the algorithm's name for algo orders. */
export function tradingOrderType(order: Order): string {
  if (order.strategy === "Market") return "MARKET";
  if (order.strategy === "Limit") {
    const params = (order.strategyParams ?? {}) as { passive_only?: boolean };
    return params.passive_only ? "LIMIT_MAKER" : "LIMIT";
  }
  return order.strategy.toUpperCase().replace(/\s+/g, "_");
}

/** The client order id a bot knows the order by: the one it was placed with, else the order id. */
export const clientOrderIdOf = (order: Order): string => order.customOrderId || order.id;

export function serializeTradingOrder(order: Order, account: { name: string; venue: string }) {
  const executed = new Dec(order.executedBase.toString());
  return {
    order_id: clientOrderIdOf(order),
    account_name: account.name,
    connector_name: account.venue,
    trading_pair: order.pair,
    trade_type: order.side === "buy" ? "BUY" : "SELL",
    order_type: tradingOrderType(order),
    amount: text(order.targetUnit === "base" ? order.targetQty : order.qtyValue)!,
    price: text(order.limitPrice),
    status: tradingStatus(order),
    filled_amount: executed.toFixed(),
    average_fill_price: executed.gt(0)
      ? new Dec(order.executedQuote.toString()).div(executed).toFixed()
      : null,
    fee_paid: executed.gt(0) ? text(order.totalFee) : null,
    fee_currency: order.feeAsset,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    exchange_order_id: order.id,
    error_message: order.failureReason || null,
  };
}

export function serializeTradingTrade(fill: Fill, order: Order, account: { name: string; venue: string }) {
  return {
    trade_id: fill.id,
    order_id: clientOrderIdOf(order),
    account_name: account.name,
    connector_name: account.venue,
    trading_pair: fill.pair,
    trade_type: fill.side === "buy" ? "BUY" : "SELL",
    amount: text(fill.size)!,
    price: text(fill.price)!,
    fee_paid: text(fill.fee)!,
    fee_currency: fill.feeAsset,
    role: fill.role === "MAKE" ? "MAKER" : "TAKER",
    timestamp: fill.time.toISOString(),
    exchange_trade_id: fill.externalId,
  };
}
