import { z } from "zod";
import { AMOUNT_COLUMN } from "@/lib/domain/shared/decimal";

import { pyDecimal, pyDefault, pyInt, pyList, pyLiteral, pyOptional, pyRequired, pyStr } from "./pydantic";

// The hummingbot-api trading routes (/trading/…): request bodies as its pydantic models define them
// (models/trading.py, models/pagination.py), validated and worded as pydantic v2 does (./pydantic.ts).
// Unknown fields are ignored, as pydantic does by default.

/**
 * A decimal sent as a JSON number or a string; kept as text so no float arithmetic touches it. It
 * must fit the NUMERIC(38, 18) columns, worded as pydantic words `Decimal(max_digits, decimal_places)`.
 */
const decimal = (bounds: { gt?: number } = {}) => pyDecimal({ ...bounds, column: AMOUNT_COLUMN });

/** POST /trading/orders — the seed's TradeRequest. */
export const ZTradeRequest = z.object({
  account_name: pyRequired(pyStr),
  connector_name: pyRequired(pyStr),
  trading_pair: pyRequired(pyStr),
  trade_type: pyRequired(pyLiteral(["BUY", "SELL"])),
  amount: pyRequired(decimal({ gt: 0 })),
  order_type: pyDefault(pyLiteral(["LIMIT", "MARKET", "LIMIT_MAKER"]), "LIMIT"),
  price: pyOptional(decimal()),
  position_action: pyDefault(pyLiteral(["OPEN", "CLOSE"]), "OPEN"),
});
export type TTradeRequest = z.output<typeof ZTradeRequest>;

/** The answer to a placed trade (decimals as strings, as the seed's response shows them). */
export const ZTradeResponse = z.object({
  order_id: z.string(),
  account_name: z.string(),
  connector_name: z.string(),
  trading_pair: z.string(),
  trade_type: z.string(),
  amount: z.string(),
  order_type: z.string(),
  price: z.string().nullable(),
  status: z.string(),
});

// models/pagination.py, field for field and in their order (pydantic reports errors in that order):
// `limit: int = Field(default=100, ge=1, le=1000)`, times as Unix milliseconds, `cursor: Optional[str]`.
const limit = pyDefault(pyInt({ ge: 1, le: 1000 }), 100);
const cursor = pyOptional(pyStr);
const time = pyOptional(pyInt());
const names = pyOptional(pyList(pyStr));

/** POST /trading/orders/active — ActiveOrderFilterRequest. */
export const ZActiveOrderFilter = z.object({
  limit,
  cursor,
  account_names: names,
  connector_names: names,
  trading_pairs: names,
});

/** TimeRangePaginationParams and the filters the history and the trades share, in their order. */
const history = {
  limit,
  start_time: time,
  end_time: time,
  cursor,
  account_names: names,
  connector_names: names,
  trading_pairs: names,
};

/** POST /trading/orders/search — OrderFilterRequest (`status` is matched exactly, as stored). */
export const ZOrderFilter = z.object({ ...history, status: pyOptional(pyStr) });

/** POST /trading/trades — TradeFilterRequest (`trade_types` are free strings there: BUY, SELL). */
export const ZTradeFilter = z.object({ ...history, trade_types: names });

export const TRADING_STATUSES = [
  "SUBMITTED",
  "OPEN",
  "PENDING_CANCEL",
  "CANCELLED",
  "PARTIALLY_FILLED",
  "FILLED",
  "FAILED",
] as const;
export type TTradingStatus = (typeof TRADING_STATUSES)[number];

/** hummingbot's order types; algorithmic orders from other surfaces read as the nearest of them. */
export const TRADING_ORDER_TYPES = ["LIMIT", "MARKET", "LIMIT_MAKER", "AMM_SWAP"] as const;

/**
 * An order row as OrderRepository.to_dict writes it: quantities and prices are JSON numbers (base
 * units, rounded to the pair's size step and tick), timestamps Python's isoformat (`+00:00`).
 * `strategy` is Tranche's own: the algorithm working the order (TWAP, VWAP, …).
 */
export const ZTradingOrder = z.object({
  order_id: z.string(),
  account_name: z.string(),
  connector_name: z.string(),
  trading_pair: z.string(),
  trade_type: z.string(),
  order_type: z.enum(TRADING_ORDER_TYPES),
  strategy: z.string(),
  amount: z.number(),
  price: z.number().nullable(),
  status: z.enum(TRADING_STATUSES),
  filled_amount: z.number(),
  average_fill_price: z.number().nullable(),
  fee_paid: z.number().nullable(),
  fee_currency: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  exchange_order_id: z.string().nullable(),
  error_message: z.string().nullable(),
});
export type TTradingOrder = z.output<typeof ZTradingOrder>;

/** A trade row as TradeRepository.to_dict writes it, with Tranche's `role` and `exchange_trade_id`. */
export const ZTradingTrade = z.object({
  trade_id: z.string(),
  order_id: z.string(),
  account_name: z.string(),
  connector_name: z.string(),
  trading_pair: z.string(),
  trade_type: z.string(),
  amount: z.number(),
  price: z.number(),
  fee_paid: z.number(),
  fee_currency: z.string(),
  role: z.string(),
  timestamp: z.string(),
  exchange_trade_id: z.string(),
});
export type TTradingTrade = z.output<typeof ZTradingTrade>;

export const ZPagination = z.object({
  limit: z.number(),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  total_count: z.number(),
});
export type TPagination = z.output<typeof ZPagination>;
