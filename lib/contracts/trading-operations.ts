import { z } from "zod";
import type { ApiOperation, ApiSurface } from "./operations";
import {
  ZActiveOrderFilter,
  ZOrderFilter,
  ZPagination,
  ZTradeFilter,
  ZTradeRequest,
  ZTradeResponse,
  ZTradingOrder,
  ZTradingTrade,
} from "./trading";

const ZDetail = z.object({ detail: z.string() });
const ZValidation = z.object({
  detail: z.array(
    z.object({
      type: z.string(),
      loc: z.array(z.union([z.string(), z.number()])),
      msg: z.string(),
      input: z.unknown(),
      ctx: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
const errors = {
  401: { description: "HTTP Basic credentials missing or wrong.", schema: ZDetail },
  403: { description: "The token lacks the scope.", schema: ZDetail },
  422: { description: "Schema validation failed (FastAPI shape).", schema: ZValidation },
};
const page = (item: z.ZodType) => z.object({ data: z.array(item), pagination: ZPagination });
const operations: ApiOperation[] = [
  {
    method: "post",
    path: "/trading/orders",
    summary: "Place a trade (LIMIT, MARKET or post-only LIMIT_MAKER) on an account's connector.",
    auth: ["trade"],
    body: ZTradeRequest,
    responses: {
      201: { description: "Submitted; order_id is the client order id.", schema: ZTradeResponse },
      400: {
        description:
          "Price missing, pair unsupported, or below minimum size or notional (a LIMIT_MAKER that would take is placed, then FAILED).",
        schema: ZDetail,
      },
      404: { description: "Unknown account or connector.", schema: ZDetail },
      ...errors,
    },
  },
  {
    method: "post",
    path: "/trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel",
    summary: "Cancel an active order by client order id.",
    auth: ["trade"],
    params: z.object({ account_name: z.string(), connector_name: z.string(), client_order_id: z.string() }),
    responses: {
      200: { description: "Cancellation initiated.", schema: z.object({ message: z.string() }) },
      404: { description: "Not an active order of this account.", schema: ZDetail },
      ...errors,
    },
  },
  {
    method: "post",
    path: "/trading/orders/active",
    summary: "Working orders, newest first, cursor-paginated.",
    auth: ["read"],
    body: ZActiveOrderFilter,
    responses: { 200: { description: "A page.", schema: page(ZTradingOrder) }, ...errors },
  },
  {
    method: "post",
    path: "/trading/orders/search",
    summary:
      "Order history with filters (status in hummingbot's vocabulary, time in Unix ms), cursor-paginated.",
    auth: ["read"],
    body: ZOrderFilter,
    responses: {
      200: { description: "A page.", schema: page(ZTradingOrder) },
      ...errors,
    },
  },
  {
    method: "post",
    path: "/trading/trades",
    summary: "Fills with filters, newest first, cursor-paginated.",
    auth: ["read"],
    body: ZTradeFilter,
    responses: { 200: { description: "A page.", schema: page(ZTradingTrade) }, ...errors },
  },
];

export const TRADING_SURFACE: ApiSurface = {
  name: "Trading (hummingbot-api)",
  description: "Simple orders for bots, authenticated with HTTP Basic (email or username : API token).",
  operations,
  requestSchemas: {
    TradeRequest: ZTradeRequest,
    TradingOrderFilter: ZOrderFilter,
    TradingTradeFilter: ZTradeFilter,
  },
  responseSchemas: {
    TradeResponse: ZTradeResponse,
    TradingOrder: ZTradingOrder,
    TradingTrade: ZTradingTrade,
  },
};
