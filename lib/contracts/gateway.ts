import { z } from "zod";
import { columnProblem, parseDecimal } from "@/lib/domain/shared/decimal";

/**
 * The Gateway (True Markets-compatible) under /v1/gateway: quotes, CeFi and DeFi orders, and
 * signed execute (../shared/seeds/truemarkets-execute-pending-order.md). Amounts travel as decimal
 * strings, never JSON numbers. Errors are `{"message": "..."}`.
 */

export const GATEWAY_STATUSES = [
  "initialized",
  "pending",
  "active",
  "cancel_pending",
  "complete",
  "canceled",
  "failed",
] as const;
export const ZGatewayStatus = z.enum(GATEWAY_STATUSES);
export type TGatewayStatus = z.infer<typeof ZGatewayStatus>;

export const ZQtyUnit = z.enum(["base", "quote"], { error: 'qty_unit must be "base" or "quote"' });
export const ZGatewaySide = z.enum(["buy", "sell"], { error: 'side must be "buy" or "sell"' });
export const ZOrderType = z.enum(["market", "limit"], { error: 'type must be "market" or "limit"' });
export const ZAuthType = z.enum(["web_authn", "api_key"], {
  error: 'auth_type must be "web_authn" or "api_key"',
});

/** A positive decimal amount as a string ("1000", "0.25") that the NUMERIC(38, 18) columns hold. */
const positiveDecimal = (field: string) =>
  z
    .string({ error: `${field} must be a decimal string (e.g. "1000.5")` })
    .trim()
    .refine((value) => {
      const parsed = parseDecimal(value);
      return parsed !== null && parsed.gt(0) && !/[eE]/.test(value);
    }, `${field} must be a positive decimal string (e.g. "1000.5")`)
    .superRefine((value, ctx) => {
      const parsed = parseDecimal(value);
      const problem = parsed && columnProblem(parsed);
      if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` });
    });

const asset = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(20, `${field} is at most 20 characters`)
    .transform((value) => value.toUpperCase());

/** Default slippage tolerance of a DeFi swap (0.5 %). */
export const DEFAULT_SLIPPAGE_BPS = 50;

/** POST /v1/gateway/quotes */
export const ZQuoteRequest = z
  .object({
    base_asset: asset("base_asset"),
    quote_asset: asset("quote_asset"),
    qty: positiveDecimal("qty"),
    qty_unit: ZQtyUnit,
    side: ZGatewaySide,
    /** A DeFi chain (`local`) to quote from its pool; absent: the CeFi venue. */
    chain: z.string().trim().min(1).optional(),
  })
  .strict();
export type TQuoteRequest = z.infer<typeof ZQuoteRequest>;

/** Indicative: `qty` is the other side of the trade (what you get, or pay), `price` quote per base. */
export const ZQuote = z.object({
  qty: z.string(),
  /** The unit of `qty`: the opposite of the request's. */
  qty_unit: ZQtyUnit,
  price: z.string(),
});
export type TQuote = z.infer<typeof ZQuote>;

/**
 * POST /v1/gateway/orders. The create rules: a market buy is sized in quote; a market order sends
 * no price; a limit order needs a price, is sized in base and is CeFi only (no chain); a DeFi sell
 * is sized in base; slippage_bps applies to DeFi orders only.
 */
export const ZCreateOrderRequest = z
  .object({
    base_asset: asset("base_asset"),
    quote_asset: asset("quote_asset"),
    qty: positiveDecimal("qty"),
    price: positiveDecimal("price").optional(),
    qty_unit: ZQtyUnit,
    type: ZOrderType,
    side: ZGatewaySide,
    chain: z.string().trim().min(1, 'chain must name a chain (e.g. "local")').optional(),
    /** DeFi only: the swap's slippage tolerance in basis points (default 50 = 0.5 %). */
    slippage_bps: z
      .number({ error: "slippage_bps must be a whole number of basis points" })
      .int("slippage_bps must be a whole number of basis points")
      .min(0, "slippage_bps must be at least 0")
      .max(5_000, "slippage_bps must be at most 5000 (50 %)")
      .optional(),
  })
  .strict()
  .superRefine((order, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (order.type === "market") {
      if (order.price !== undefined) fail("price", "a market order sends no price");
      if (order.side === "buy" && order.qty_unit !== "quote")
        fail("qty_unit", "a market buy is sized in quote");
    } else {
      if (order.price === undefined) fail("price", "a limit order needs a price");
      if (order.qty_unit !== "base") fail("qty_unit", "a limit order is sized in base");
      if (order.chain !== undefined) fail("chain", "a limit order is CeFi only (send no chain)");
    }
    if (order.chain !== undefined && order.side === "sell" && order.qty_unit !== "base")
      fail("qty_unit", "a DeFi sell is sized in base");
    if (order.chain === undefined && order.slippage_bps !== undefined)
      fail("slippage_bps", "slippage_bps applies to DeFi orders only");
  });
export type TCreateOrderRequest = z.infer<typeof ZCreateOrderRequest>;

export const ZCreatedOrder = z.object({
  order_id: z.string().uuid(),
  status: ZGatewayStatus,
  /** DeFi: the canonical JSON payloads to stamp, in order (the exact strings to sign). */
  payloads: z.array(z.string()).optional(),
  /** DeFi: when the payloads stop being accepted. */
  expires_at: z.string().optional(),
});
export type TCreatedOrder = z.infer<typeof ZCreatedOrder>;

/** POST /v1/gateway/orders/{id}/execute */
export const ZExecuteRequest = z
  .object({
    /** One stamp per payload, in payload order. */
    signatures: z.array(z.unknown(), { error: "signatures must be an array (one stamp per payload)" }),
    auth_type: ZAuthType,
  })
  .strict();
export type TExecuteRequest = z.infer<typeof ZExecuteRequest>;

export const ZExecuteResponse = z.object({ status: ZGatewayStatus });
export type TExecuteResponse = z.infer<typeof ZExecuteResponse>;

export const ZGatewayOrderParams = z.object({ id: z.guid({ error: "order id must be a UUID" }) });

/** GET /v1/gateway/orders */
export const ZListOrdersQuery = z.object({
  /** Gateway statuses, comma-separated (or the key repeated). */
  status: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const items = (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(","))
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean);
      for (const item of items) {
        if (!(GATEWAY_STATUSES as readonly string[]).includes(item)) {
          ctx.addIssue({
            code: "custom",
            message: `unknown status "${item}" (expected ${GATEWAY_STATUSES.join(", ")})`,
          });
          return z.NEVER;
        }
      }
      return items.length > 0 ? ([...new Set(items)] as TGatewayStatus[]) : undefined;
    }),
  cursor: z.string().trim().min(1).optional(),
  limit: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return 50;
      const limit = Number(value);
      if (!/^\s*\d+\s*$/.test(value) || limit < 1 || limit > 100) {
        ctx.addIssue({ code: "custom", message: "limit must be a whole number from 1 to 100" });
        return z.NEVER;
      }
      return limit;
    }),
});
export type TListOrdersQuery = z.infer<typeof ZListOrdersQuery>;

export const ZGatewayFill = z.object({
  price: z.string(),
  qty: z.string(),
  fee: z.string(),
  fee_asset: z.string(),
  time: z.string(),
  tx_hash: z.string().nullable(),
});

export const ZGatewayOrder = z.object({
  order_id: z.string().uuid(),
  status: ZGatewayStatus,
  base_asset: z.string(),
  quote_asset: z.string(),
  side: ZGatewaySide,
  type: ZOrderType,
  /** The strategy that works it (Market and Limit for Gateway orders; others come from the Core API). */
  strategy: z.string(),
  qty: z.string(),
  qty_unit: ZQtyUnit,
  /** The limit price; null for market orders. */
  price: z.string().nullable(),
  /** DeFi: the chain; null for CeFi. */
  chain: z.string().nullable(),
  /** CeFi buys short of funds: what the funding bridge moves to the CeFi account first; else null. */
  funding: z
    .object({
      chain: z.string(),
      asset: z.string().meta({ description: "The asset credited to the CeFi account (its quote asset)." }),
      amount: z.string(),
    })
    .nullable(),
  executed_qty: z.string(),
  executed_quote_qty: z.string(),
  avg_price: z.string().nullable(),
  fee: z.string(),
  fee_asset: z.string().nullable(),
  payloads: z.array(z.string()),
  payloads_expire_at: z.string().nullable(),
  tx_hashes: z.array(z.string()),
  failure_reason: z.string().nullable(),
  fills: z.array(ZGatewayFill).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type TGatewayOrder = z.infer<typeof ZGatewayOrder>;

export const ZGatewayOrderList = z.object({
  data: z.array(ZGatewayOrder),
  pagination: z.object({ next_cursor: z.string().nullable() }),
});
export type TGatewayOrderList = z.infer<typeof ZGatewayOrderList>;

export const ZCancelResponse = z.object({ order_id: z.string().uuid(), status: ZGatewayStatus });
export type TCancelResponse = z.infer<typeof ZCancelResponse>;

/** One custody bucket's holding of one asset. */
export const ZGatewayBalance = z.object({
  symbol: z.string(),
  available: z.string(),
  total: z.string(),
  /** `cefi` (the paper account on the simulated exchange) or the chain's name (`local`). */
  custody: z.string(),
  /** DeFi: the chain; null for CeFi. */
  chain: z.string().nullable(),
  /** DeFi: the custodial address; CeFi: null. */
  address: z.string().nullable(),
  /** CeFi: the account's name; DeFi: null. */
  account: z.string().nullable(),
});
export type TGatewayBalance = z.infer<typeof ZGatewayBalance>;

export const ZGatewayBalanceList = z.object({ data: z.array(ZGatewayBalance) });
export type TGatewayBalanceList = z.infer<typeof ZGatewayBalanceList>;

/** POST /api/ledger/faucet (admins; the offline ledger only) */
export const ZFaucetRequest = z
  .object({
    address: z
      .string()
      .trim()
      .regex(/^0x[0-9a-fA-F]{40}$/, "address must be a 0x-prefixed 20-byte hex address"),
    asset: asset("asset"),
    amount: positiveDecimal("amount"),
    /** The chain to mint on (default `local`, the only one). */
    chain: z.string().trim().min(1).optional(),
  })
  .strict();
export type TFaucetRequest = z.infer<typeof ZFaucetRequest>;

export const ZFaucetResponse = z.object({
  chain: z.string(),
  address: z.string(),
  asset: z.string(),
  amount: z.string(),
  balance: z.string(),
});
export type TFaucetResponse = z.infer<typeof ZFaucetResponse>;
