import { z } from "zod";
import { AMOUNT_COLUMN, parseDecimal } from "@/lib/domain/shared/decimal";

// The hummingbot-api trading routes (/trading/…): request bodies as its pydantic models define them.
// Unknown fields are ignored, as pydantic does by default.

/**
 * A decimal sent as a JSON number or a string; kept as text so no float arithmetic touches it. It
 * must fit the NUMERIC(38, 18) columns, worded as pydantic words `Decimal(max_digits, decimal_places)`.
 */
export const ZDecimalInput = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const text = typeof value === "number" ? String(value) : value.trim();
  const parsed = parseDecimal(text);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: "Input should be a valid decimal" });
    return z.NEVER;
  }
  const { precision, scale } = AMOUNT_COLUMN;
  if (parsed.decimalPlaces() > scale) {
    ctx.addIssue({
      code: "custom",
      message: `Decimal input should have no more than ${scale} decimal places`,
    });
    return z.NEVER;
  }
  if (parsed.abs().gte(`1e${precision - scale}`)) {
    ctx.addIssue({
      code: "custom",
      message: `Decimal input should have no more than ${precision - scale} digits before the decimal point`,
    });
    return z.NEVER;
  }
  return text;
});

/** POST /trading/orders — the seed's TradeRequest. */
export const ZTradeRequest = z.object({
  account_name: z.string(),
  connector_name: z.string(),
  trading_pair: z.string(),
  trade_type: z.enum(["BUY", "SELL"]),
  amount: ZDecimalInput.refine((text) => parseDecimal(text)!.gt(0), {
    message: "Input should be greater than 0",
  }),
  order_type: z.enum(["LIMIT", "MARKET", "LIMIT_MAKER"]).default("LIMIT"),
  price: ZDecimalInput.nullable().optional(),
  position_action: z.enum(["OPEN", "CLOSE"]).default("OPEN"),
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

const ZLimit = z.number().int().min(1).max(1000).default(100);

/** POST /trading/orders/active */
export const ZActiveOrderFilter = z.object({
  account_names: z.array(z.string()).nullable().optional(),
  connector_names: z.array(z.string()).nullable().optional(),
  trading_pairs: z.array(z.string()).nullable().optional(),
  limit: ZLimit,
  cursor: z.string().nullable().optional(),
});

/** POST /trading/orders/search */
export const ZOrderFilter = ZActiveOrderFilter.extend({
  status: z.string().nullable().optional(),
  /** Unix time in milliseconds. */
  start_time: z.number().int().nullable().optional(),
  end_time: z.number().int().nullable().optional(),
});

/** POST /trading/trades */
export const ZTradeFilter = ZOrderFilter.omit({ status: true }).extend({
  trade_types: z
    .array(z.enum(["BUY", "SELL"]))
    .nullable()
    .optional(),
});

export const ZTradingOrder = z.object({
  order_id: z.string(),
  account_name: z.string(),
  connector_name: z.string(),
  trading_pair: z.string(),
  trade_type: z.string(),
  order_type: z.string(),
  amount: z.string(),
  price: z.string().nullable(),
  status: z.enum([
    "SUBMITTED",
    "OPEN",
    "PENDING_CANCEL",
    "CANCELLED",
    "PARTIALLY_FILLED",
    "FILLED",
    "FAILED",
  ]),
  filled_amount: z.string(),
  average_fill_price: z.string().nullable(),
  fee_paid: z.string().nullable(),
  fee_currency: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  exchange_order_id: z.string().nullable(),
  error_message: z.string().nullable(),
});

export const ZPagination = z.object({
  limit: z.number(),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  total_count: z.number(),
});
