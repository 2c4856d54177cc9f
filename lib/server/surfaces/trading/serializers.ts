import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import { isFullyFilled, quoteToBase, remainingQty } from "@/lib/domain/orders/quantity";
import type { PairSpec } from "@/lib/domain/market/types";
import type { TPagination, TTradingOrder, TTradingTrade } from "@/lib/contracts/trading";
import type { Fill, Order } from "../../db/generated/client";
import { executionOf } from "../../services/orders/is-order-fully-filled";
import { tradingStatus } from "./status";

/**
 * hummingbot-api's answers, from the domain data the trading services return. Order and trade rows
 * follow its repositories' `to_dict` (database/repositories/order_repository.py, trade_repository.py):
 * amounts, prices and fees are JSON numbers there (`float(...)`), so the decimals become numbers
 * here and only here, rounded to the pair's precision first (size step, tick, and their product
 * for quote amounts) and to at most 15 significant digits, so the JSON text is exactly the rounded
 * decimal. Timestamps are Python's `datetime.isoformat()` of an aware UTC time (`+00:00`).
 */

/** The pair's rules (precision, lot) and its mid now, for quote-sized orders without a price. */
export interface TradingMarket {
  spec: PairSpec | undefined;
  mid: Dec | null;
}

export interface TradingAccount {
  name: string;
  venue: string;
}

export interface TradingOrderRow {
  order: Order;
  account: TradingAccount;
  market: TradingMarket;
}

export interface TradingTradeRow {
  fill: Fill;
  order: Order;
  account: TradingAccount;
  spec: PairSpec | undefined;
}

export interface TradingPage<T> {
  items: T[];
  limit: number;
  hasMore: boolean;
  nextCursor: string | null;
  total: number;
}

const dec = (value: { toString(): string }): Dec => new Dec(value.toString());

/** Decimal places of the pair's amounts, prices and quote amounts; null for a pair without rules. */
function precisionOf(spec: PairSpec | undefined) {
  if (!spec) return { size: null, price: null, quote: null };
  const size = new Dec(spec.sizeStep).decimalPlaces();
  const price = new Dec(spec.tickSize).decimalPlaces();
  return { size, price, quote: size + price };
}

/** A decimal as a JSON number: rounded to `places` (half even), then to 15 significant digits. */
export function jsonNumber(value: Dec, places: number | null): number {
  const rounded = places === null ? value : value.toDecimalPlaces(places, Dec.ROUND_HALF_EVEN);
  return Number(rounded.toSignificantDigits(15).toFixed());
}

/** Python's `isoformat()` of an aware UTC datetime: microseconds only when not zero, `+00:00`. */
export function pythonIso(date: Date): string {
  const text = date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${text.slice(0, 19)}${ms === 0 ? "" : `.${String(ms).padStart(3, "0")}000`}+00:00`;
}

/**
 * hummingbot knows LIMIT, MARKET, LIMIT_MAKER and AMM_SWAP. A Market order is MARKET; any other
 * strategy (Limit, IOC, and the algorithms of the Core Order API: TWAP, VWAP, POV, Iceberg, …) is the
 * nearest of those by its price bound: LIMIT with a limit price (LIMIT_MAKER when passive_only),
 * MARKET without one. The strategy itself is in the row's `strategy`.
 */
export function tradingOrderType(order: Order): TTradingOrder["order_type"] {
  if (order.venue === "amm") return "AMM_SWAP";
  if (order.strategy === "Market" || order.limitPrice === null) return "MARKET";
  const params = (order.strategyParams ?? {}) as { passive_only?: boolean };
  return params.passive_only ? "LIMIT_MAKER" : "LIMIT";
}

/** The client order id a bot knows the order by: the one it was placed with, else the order id. */
export const clientOrderIdOf = (order: Order): string => order.customOrderId || order.id;

/**
 * The order's size in base units, as hummingbot's `amount` always is. A quote-sized order (a Core
 * or Gateway buy of 1,000 USDT) is its executed base plus what remains of the quote at the best
 * price known — the average fill, the limit, the arrival mid, the mid now; once fully filled, its
 * executed base, so a FILLED row shows `filled_amount == amount`.
 */
function baseAmount(order: Order, fullyFilled: boolean, mid: Dec | null): Dec {
  const execution = executionOf(order);
  if (execution.targetUnit === "base") return execution.targetQty;
  const { executedBase, executedQuote } = execution;
  if (fullyFilled) return executedBase;
  const price =
    (executedBase.gt(0) ? executedQuote.div(executedBase) : null) ??
    (order.limitPrice ? dec(order.limitPrice) : null) ??
    (order.arrivalPrice ? dec(order.arrivalPrice) : null) ??
    mid;
  if (!price || price.lte(0)) return executedBase;
  return executedBase.add(quoteToBase(remainingQty(execution.targetQty, executedQuote), price));
}

export function serializeTradingOrder({ order, account, market }: TradingOrderRow): TTradingOrder {
  const execution = executionOf(order);
  const fullyFilled = isFullyFilled(execution, market.spec ? new Dec(market.spec.sizeStep) : null);
  const places = precisionOf(market.spec);
  const { executedBase, executedQuote } = execution;
  const fee = dec(order.totalFee);
  const limit = order.limitPrice ? dec(order.limitPrice) : ZERO;
  return {
    order_id: clientOrderIdOf(order),
    account_name: account.name,
    connector_name: account.venue,
    trading_pair: order.pair,
    trade_type: order.side === "buy" ? "BUY" : "SELL",
    order_type: tradingOrderType(order),
    strategy: order.strategy,
    amount: jsonNumber(baseAmount(order, fullyFilled, market.mid), places.size),
    // to_dict: `float(x) if x else None` for price, average_fill_price and fee_paid.
    price: limit.gt(0) ? jsonNumber(limit, places.price) : null,
    status: tradingStatus(order, fullyFilled),
    filled_amount: jsonNumber(executedBase, places.size),
    average_fill_price: executedBase.gt(0) ? jsonNumber(executedQuote.div(executedBase), places.price) : null,
    fee_paid: fee.gt(0) ? jsonNumber(fee, places.quote) : null,
    fee_currency: order.feeAsset,
    created_at: pythonIso(order.createdAt),
    updated_at: pythonIso(order.updatedAt),
    exchange_order_id: order.id,
    error_message: order.failureReason || null,
  };
}

export function serializeTradingTrade({ fill, order, account, spec }: TradingTradeRow): TTradingTrade {
  const places = precisionOf(spec);
  return {
    trade_id: fill.id,
    order_id: clientOrderIdOf(order),
    account_name: account.name,
    connector_name: account.venue,
    trading_pair: fill.pair,
    trade_type: fill.side === "buy" ? "BUY" : "SELL",
    amount: jsonNumber(dec(fill.size), places.size),
    price: jsonNumber(dec(fill.price), places.price),
    fee_paid: jsonNumber(dec(fill.fee), places.quote),
    fee_currency: fill.feeAsset,
    role: fill.role === "MAKE" ? "MAKER" : "TAKER",
    timestamp: pythonIso(fill.time),
    exchange_trade_id: fill.externalId,
  };
}

/** models/pagination.py's PaginatedResponse. */
export function serializeTradingPage<T, R>(
  page: TradingPage<T>,
  serialize: (item: T) => R,
): { data: R[]; pagination: TPagination } {
  return {
    data: page.items.map(serialize),
    pagination: {
      limit: page.limit,
      has_more: page.hasMore,
      next_cursor: page.nextCursor,
      total_count: page.total,
    },
  };
}
