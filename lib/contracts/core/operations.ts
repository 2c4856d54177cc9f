import { z } from "zod";
import type { ApiOperation, ApiSurface } from "../operations";
import { ZBalancesQuery, ZCoreAccountList, ZCoreBalances } from "./accounts";
import { ZCoreErrorBody, ZCoreMessage, ZOrderIdBody, ZOrderIdParams } from "./common";
import {
  ZActiveOrdersQuery,
  ZAmendOrderDoc,
  ZBulkBody,
  ZCancelAllQuery,
  ZCancelAnswer,
  ZCoreActiveOrders,
  ZCoreOrder,
  ZCoreOrderDetail,
  ZCoreOrderPage,
  ZCoreOrderSummary,
  ZCoreOrderWithStatsPage,
  ZCoreSubmittedOrder,
  ZListOrdersQuery,
  ZOrderDetailQuery,
  ZOrderErrorsQuery,
  ZOrderMessagesByOrder,
  ZOrderMessagesRequest,
  ZOrdersWithStatsQuery,
  ZSubmitOrderRequest,
} from "./orders";
import { CORE_STRATEGY_IDS } from "./strategies";

/** The Core Order API (tread.fi-compatible): every endpoint, for /api/openapi.json. */

const error = (description: string) => ({ description, schema: ZCoreErrorBody });
const AUTH = { 401: error("Missing or invalid token."), 403: error("The token lacks the scope.") };
const NOT_FOUND = { 404: error("No such order of the caller's (another user's order is the same 404).") };
const BAD = (what: string) => ({ 400: error(what) });

const operations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/orders/",
    summary: "The caller's orders of the past 12 months, filtered and paginated (newest first).",
    auth: ["read"],
    query: ZListOrdersQuery,
    responses: {
      200: { description: "A page of orders.", schema: ZCoreOrderPage },
      ...BAD("A bad date (`{message}`), unknown account or status, or a page size over 1000 (`{error}`)."),
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/api/orders/",
    summary: "Submit an order; it starts now, or is SCHEDULED for a future start or a condition.",
    auth: ["trade"],
    body: ZSubmitOrderRequest,
    responses: {
      201: { description: "The stored order.", schema: ZCoreSubmittedOrder },
      ...BAD("Missing fields or an unknown account (`{error}`), or invalid fields (`{errors: [...]}`)."),
      422: error("The accounts cannot pay for the order (`{errors: [...]}`)."),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/active_orders/",
    summary: "The caller's unfinished orders, with their fills.",
    auth: ["read"],
    query: ZActiveOrdersQuery,
    responses: {
      200: { description: "Active orders.", schema: ZCoreActiveOrders },
      ...BAD("Unknown account."),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/order_summary/{id}",
    summary: "An order's key figures, without placements or fills.",
    auth: ["read"],
    params: ZOrderIdParams,
    responses: {
      200: { description: "The summary.", schema: ZCoreOrderSummary },
      ...BAD('"Invalid order ID format" (a bare string).'),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/orders_with_stats/",
    summary:
      "The caller's orders with execution statistics (arrival, departure, interval VWAP and volume) and fills.",
    auth: ["read"],
    query: ZOrdersWithStatsQuery,
    responses: {
      200: { description: "A page of orders with statistics.", schema: ZCoreOrderWithStatsPage },
      ...BAD('"page_size cannot be greater than 1000".'),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/order/{id}",
    summary: "One order with its placements (and their fills), its log and, on request, its fills.",
    auth: ["read"],
    params: ZOrderIdParams,
    query: ZOrderDetailQuery,
    responses: {
      200: { description: "The order.", schema: ZCoreOrderDetail },
      ...BAD('"Invalid order ID format" (a bare string).'),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  {
    method: "delete",
    path: "/api/order/{id}",
    summary: "Cancel an order and its live placements (idempotent).",
    auth: ["trade"],
    params: ZOrderIdParams,
    responses: {
      200: { description: "A bare string.", schema: ZCancelAnswer },
      ...BAD('"Invalid order ID format" (a bare string).'),
      ...NOT_FOUND,
      422: error("The order is complete or failed."),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/order_errors/",
    summary: "Order messages (ERROR, WARN, INFO) by order id, newest first.",
    auth: ["read"],
    query: ZOrderErrorsQuery,
    responses: {
      200: { description: "Messages by order id.", schema: ZOrderMessagesByOrder },
      ...BAD("No or malformed order ids."),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/api/order_messages/",
    summary: "The messages of the given orders, by order id, newest first.",
    auth: ["read"],
    body: ZOrderMessagesRequest,
    responses: {
      200: { description: "Messages by order id.", schema: ZOrderMessagesByOrder },
      ...BAD("No or malformed order ids."),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  ...(
    [
      [
        "pause_order",
        "Pause an active order: its placements are canceled until it resumes.",
        "Order is not running.",
      ],
      ["resume_order", "Resume a paused order.", "Order is not paused."],
    ] as const
  ).map(([name, summary, refusal]): ApiOperation => ({
    method: "post",
    path: `/api/${name}/`,
    summary,
    auth: ["trade"],
    body: ZOrderIdBody,
    responses: {
      202: { description: "Accepted.", schema: ZCoreMessage },
      ...BAD("Missing or malformed order_id."),
      ...NOT_FOUND,
      422: error(refusal),
      ...AUTH,
    },
  })),
  {
    method: "post",
    path: "/api/amend_order/",
    summary: "Change quantity, duration, pov_target or limit_price of a working order.",
    auth: ["trade"],
    body: ZAmendOrderDoc,
    responses: {
      202: { description: "Accepted.", schema: ZCoreMessage },
      ...BAD("Missing fields or malformed values."),
      ...NOT_FOUND,
      422: error("A rule refuses it: both quantities, 5% headroom, under 15 s left, not amendable."),
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/api/cancel_all_orders/",
    summary: "Cancel every unfinished order (paused ones only with exclude_paused=false).",
    auth: ["trade"],
    query: ZCancelAllQuery,
    body: ZBulkBody,
    responses: {
      200: { description: "Done (or nothing to cancel).", schema: ZCoreMessage },
      ...BAD("Nothing to cancel and unknown accounts (`{message}`)."),
      422: error("Some orders failed or some accounts were unknown."),
      ...AUTH,
    },
  },
  ...(
    [
      ["pause_all_orders", "Pause every active order.", "No active orders to pause."],
      ["resume_all_orders", "Resume every paused order.", "No paused orders to resume."],
    ] as const
  ).map(([name, summary, nothing]): ApiOperation => ({
    method: "post",
    path: `/api/${name}/`,
    summary,
    auth: ["trade"],
    body: ZBulkBody,
    responses: {
      200: { description: "Done.", schema: ZCoreMessage },
      ...BAD(`"${nothing}" (\`{message}\`).`),
      422: error("Some orders failed (their ids are listed)."),
      ...AUTH,
    },
  })),
  {
    method: "get",
    path: "/api/accounts/",
    summary: "The caller's trading accounts (the names orders use).",
    auth: ["read"],
    responses: { 200: { description: "Accounts.", schema: ZCoreAccountList }, ...AUTH },
  },
  {
    method: "get",
    path: "/api/balances/",
    summary: "Balances of the caller's accounts by account name, valued at the venue's mid.",
    auth: ["read"],
    query: ZBalancesQuery,
    responses: {
      200: { description: "Balances.", schema: ZCoreBalances },
      ...BAD("Unknown account."),
      ...AUTH,
    },
  },
];

/** The strategy UUIDs `strategy` accepts and a submit answers with. */
const ZCoreStrategyIds = z
  .object(Object.fromEntries(Object.entries(CORE_STRATEGY_IDS).map(([name, id]) => [name, z.literal(id)])))
  .meta({ description: "Strategy name → the UUID Tranche uses for it." });

export const CORE_SURFACE: ApiSurface = {
  name: "Core Order API",
  description:
    "tread.fi-compatible algorithmic parent orders. `Authorization: Token <api token>` (or the dashboard's session cookie). Every path answers with and without its trailing slash.",
  operations,
  requestSchemas: {
    CoreSubmitOrderRequest: ZSubmitOrderRequest,
    CoreAmendOrderRequest: ZAmendOrderDoc,
    CoreOrderIdRequest: ZOrderIdBody,
    CoreBulkRequest: ZBulkBody,
    CoreOrderMessagesRequest: ZOrderMessagesRequest,
  },
  responseSchemas: {
    CoreOrder: ZCoreOrder,
    CoreOrderPage: ZCoreOrderPage,
    CoreOrderDetail: ZCoreOrderDetail,
    CoreSubmittedOrder: ZCoreSubmittedOrder,
    CoreOrderSummary: ZCoreOrderSummary,
    CoreOrderWithStatsPage: ZCoreOrderWithStatsPage,
    CoreActiveOrders: ZCoreActiveOrders,
    CoreOrderMessages: ZOrderMessagesByOrder,
    CoreMessage: ZCoreMessage,
    CoreError: ZCoreErrorBody,
    CoreAccounts: ZCoreAccountList,
    CoreBalances: ZCoreBalances,
    CoreStrategyIds: ZCoreStrategyIds,
  },
};
