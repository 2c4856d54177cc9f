import { z } from "zod";
import { parseIsoTime } from "@/lib/domain/orders/request-values";
import {
  INVALID_ORDER_ID,
  ZDecimalInput,
  ZDecimalText,
  ZIsoTime,
  ZNumeric,
  csvList,
  guid,
  queryBoolean,
  queryPage,
  queryPageSize,
} from "./common";

/**
 * The Core Order API's orders (tread.fi-compatible): requests and answers of every endpoint in
 * ../shared/seeds/tread-core-order-api.md. Field types follow each endpoint's own documentation:
 * where it shows JSON numbers the answer has numbers (text only when a number would lose
 * precision), where it shows strings, decimal strings.
 */

// --- Statuses ----------------------------------------------------------------------------------

/** The statuses orders answer with. */
export const CORE_STATUSES = [
  "SCHEDULED",
  "ACTIVE",
  "PAUSED",
  "FINISHER",
  "COMPLETE",
  "CANCELED",
  "FAILED",
] as const;
export const ZCoreStatus = z.enum(CORE_STATUSES);
export type TCoreStatus = z.infer<typeof ZCoreStatus>;

/** What the `statuses` filter accepts: the enum, SUBMITTED, and the docs' prose spellings. */
export const CORE_STATUS_FILTERS = [...CORE_STATUSES, "SUBMITTED"] as const;
export type TCoreStatusFilter = (typeof CORE_STATUS_FILTERS)[number];
const STATUS_ALIASES: Record<string, TCoreStatusFilter> = { COMPLETED: "COMPLETE", CANCELLED: "CANCELED" };

const statusList = csvList("statuses").transform((items, ctx) => {
  const statuses: TCoreStatusFilter[] = [];
  for (const item of items) {
    const upper = item.toUpperCase();
    const status = STATUS_ALIASES[upper] ?? upper;
    if (!(CORE_STATUS_FILTERS as readonly string[]).includes(status)) {
      ctx.addIssue({
        code: "custom",
        message: `statuses: unknown status '${item}' (expected ${CORE_STATUS_FILTERS.join(", ")})`,
      });
      return z.NEVER;
    }
    if (!statuses.includes(status as TCoreStatusFilter)) statuses.push(status as TCoreStatusFilter);
  }
  return statuses;
});

const queryTime = (field: "before" | "after") =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return undefined;
      const time = parseIsoTime(value);
      if (time === null) {
        ctx.addIssue({ code: "custom", message: `Invalid ${field} date format` });
        return z.NEVER;
      }
      return time;
    })
    .meta({ description: `ISO 8601 timestamp: orders created ${field} it.` });

// --- Requests ------------------------------------------------------------------------------------

/** GET /api/orders/ */
export const ZListOrdersQuery = z.object({
  statuses: statusList.optional().meta({
    description: "Statuses, comma-separated (COMPLETED and CANCELLED are read as COMPLETE, CANCELED).",
  }),
  account_names: csvList("account_names").optional(),
  before: queryTime("before"),
  after: queryTime("after"),
  custom_order_ids: csvList("custom_order_ids").optional(),
  pairs: csvList("pairs")
    .transform((pairs) => pairs.map((pair) => pair.toUpperCase()))
    .optional()
    .meta({
      description:
        "Trading pairs, comma-separated (BTC-USDT,ETH-USDT). A Tranche addition to the Core Order API: clients that do not send it see no change.",
    }),
  page: queryPage,
  page_size: queryPageSize(100),
});
export type TListOrdersQuery = z.output<typeof ZListOrdersQuery>;

/** GET /api/orders_with_stats/ */
export const ZOrdersWithStatsQuery = z.object({ page: queryPage, page_size: queryPageSize(500) });

/** GET /api/active_orders/ */
export const ZActiveOrdersQuery = z.object({
  exclude_paused: queryBoolean("exclude_paused", true),
  account_names: csvList("account_names").optional(),
  only_active: queryBoolean("only_active", false),
});

/** GET /api/order/{id} */
export const ZOrderDetailQuery = z.object({ include_fills: queryBoolean("include_fills", false) });

const orderIdList = (field: string) =>
  csvList(field).transform((ids, ctx) => {
    if (ids.length === 0) {
      ctx.addIssue({ code: "custom", message: "No order ID given!" });
      return z.NEVER;
    }
    if (ids.some((id) => !guid(INVALID_ORDER_ID).safeParse(id).success)) {
      ctx.addIssue({ code: "custom", message: INVALID_ORDER_ID });
      return z.NEVER;
    }
    return [...new Set(ids.map((id) => id.toLowerCase()))];
  });

/** GET /api/order_errors/ */
export const ZOrderErrorsQuery = z.object({
  order_ids: orderIdList("order_ids")
    .optional()
    .meta({ description: "Order UUIDs, comma-separated; all the caller's orders when absent." }),
});

/** POST /api/order_messages/ */
export const ZOrderMessagesRequest = z.object({
  order_ids: z
    .union([z.string(), z.array(z.string())], {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? "Missing required field: order_ids"
          : "order_ids must be a list of order ids",
    })
    .pipe(orderIdList("order_ids"))
    .meta({ description: "Order UUIDs: a list, or a comma-separated string." }),
});

/** POST /api/amend_order/: the structure; the domain checks each change with the documented rules. */
export const ZAmendOrderRequest = z
  .object({ order_id: z.unknown().optional(), changes: z.unknown().optional() })
  .superRefine((body, ctx) => {
    const missing = (["order_id", "changes"] as const).filter(
      (key) => body[key] === undefined || body[key] === null,
    );
    if (missing.length > 0) {
      ctx.addIssue({ code: "custom", message: `Missing required field(s): ${missing.join(", ")}` });
      return;
    }
    if (typeof body.order_id !== "string" || !guid(INVALID_ORDER_ID).safeParse(body.order_id).success) {
      ctx.addIssue({ code: "custom", path: ["order_id"], message: INVALID_ORDER_ID });
    }
    if (typeof body.changes !== "object" || Array.isArray(body.changes)) {
      ctx.addIssue({ code: "custom", path: ["changes"], message: "changes must be an object" });
    }
  })
  .transform((body) => ({
    order_id: body.order_id as string,
    changes: body.changes as Record<string, unknown>,
  }));

/** POST /api/amend_order/, as documented (the schema of the OpenAPI document). */
export const ZAmendOrderDoc = z.object({
  order_id: z.guid(),
  changes: z
    .object({
      base_asset_qty: ZDecimalInput.optional().meta({
        description: "New base quantity (not with quote_asset_qty).",
      }),
      quote_asset_qty: ZDecimalInput.optional().meta({
        description: "New quote quantity (not with base_asset_qty).",
      }),
      duration: z.int().optional().meta({ description: "Seconds; at least 5% above the elapsed time." }),
      pov_target: ZDecimalInput.optional().meta({ description: "(0, 1]; POV orders only." }),
      limit_price: z.union([z.string(), z.number(), z.null()]).optional(),
    })
    .meta({ description: "Fields to change; no amend with under 15 s left." }),
});

/** POST /api/cancel_all_orders/ query */
export const ZCancelAllQuery = z.object({ exclude_paused: queryBoolean("exclude_paused", true) });

/** POST /api/cancel_all_orders/ (and pause_all / resume_all, which also accept it) body. */
export const ZBulkBody = z.object({
  account_names: csvList("account_names")
    .optional()
    .meta({ description: "Account names, comma-separated; all the caller's accounts when absent." }),
});

/** POST /api/orders/, as documented (the schema of the OpenAPI document; the domain validates). */
export const ZSubmitOrderRequest = z.object({
  pair: z.string().meta({ description: "BASE-QUOTE or BASE:VARIANT-QUOTE, e.g. BTC-USDT." }),
  side: z.enum(["buy", "sell"]),
  pos_side: z.enum(["long", "short"]).optional(),
  base_asset_qty: ZDecimalInput.optional(),
  quote_asset_qty: ZDecimalInput.optional(),
  sell_token_amount: ZDecimalInput.optional(),
  strategy: z.string().meta({
    description: "Strategy name (TWAP, VWAP, IS, Target Time, Market, Limit, Iceberg, IOC) or its UUID.",
  }),
  strategy_params: z
    .object({
      passive_only: z.boolean().nullable().optional(),
      active_limit: z.boolean().nullable().optional(),
      reduce_only: z.boolean().nullable().optional(),
      ool_pause: z.boolean().nullable().optional(),
      strict_duration: z.boolean().nullable().optional(),
      spot_leverage: z.boolean().nullable().optional(),
      max_clip_size: ZDecimalInput.nullable().optional(),
    })
    .optional(),
  accounts: z.array(z.string()).meta({ description: "Account names." }),
  duration: z.int().optional().meta({ description: "Seconds; required unless pov_target is given." }),
  start_datetime: z.union([z.string(), z.int()]).optional().meta({ description: "ISO 8601 or epoch ms." }),
  limit_price: z.union([z.string(), z.number()]).optional(),
  is_reverse_limit_price: z.boolean().optional(),
  engine_passiveness: ZDecimalInput.optional().meta({ description: "[0, 1], default 0.02." }),
  schedule_discretion: ZDecimalInput.optional().meta({ description: "[0.02, 0.5], default 0.06." }),
  alpha_tilt: ZDecimalInput.optional().meta({ description: "[-1, 1], default 0." }),
  pov_limit: ZDecimalInput.optional().meta({ description: "(0, 1]." }),
  pov_target: ZDecimalInput.optional().meta({ description: "(0, 1]; the order is worked as POV." }),
  max_otc: ZDecimalInput.optional().meta({ description: "[0, 1]." }),
  order_condition: z.string().optional().meta({ description: "Start condition in reverse Polish notation." }),
  order_condition_vars: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  order_condition_expiry: z.union([z.string(), z.int()]).optional(),
  notes: z.string().optional(),
  custom_order_id: z.string().max(64).optional(),
});

// --- Answers: pieces -----------------------------------------------------------------------------

const ZSide = z.enum(["buy", "sell"]);
const ZStrategyParams = z.record(z.string(), z.unknown());

/** A fill as GET /api/order/{id}?include_fills=true and /api/orders_with_stats/ list them. */
export const ZCoreFill = z.object({
  placement_id: z.guid(),
  exchange: z.string(),
  role: z.string().meta({ description: "MAKE/TAKE (order detail) or maker/taker (orders_with_stats)." }),
  executed_price: ZDecimalText,
  executed_qty: ZDecimalText,
  executed_notional: ZDecimalText,
  fee: ZDecimalText,
  fee_asset: z.string(),
  fill_time: ZIsoTime,
});
export type TCoreFill = z.infer<typeof ZCoreFill>;

/** A fill inside a placement of GET /api/order/{id}. */
export const ZCorePlacementFill = z.object({
  id: z.guid(),
  created_at: ZIsoTime,
  fill_time: ZIsoTime,
  role: z.enum(["MAKE", "TAKE"]),
  external_id: z.string(),
  executed_price: ZNumeric,
  executed_qty: ZNumeric,
  executed_notional: ZNumeric,
  exchange: z.string(),
  fee: ZNumeric,
  fee_asset: z.string(),
});

/** A child order the engine sent to a venue. */
export const ZCorePlacement = z.object({
  id: z.guid(),
  created_at: ZIsoTime,
  order: z.guid(),
  placement_type: z.enum(["MAKE", "TAKE"]),
  price: ZDecimalText.nullable(),
  qty: ZDecimalText,
  executed_qty: ZDecimalText,
  exchange: z.string(),
  fills: z.array(ZCorePlacementFill),
  passiveness: ZDecimalText.nullable(),
  filled: z.boolean(),
  external_id: z.string().nullable(),
  status: z.enum(["ACTIVE", "COMPLETE", "CANCELED", "FAILED"]),
  sub_status: z.string().nullable(),
  is_cross: z.boolean(),
  is_simple: z.boolean(),
  contract_value: ZDecimalText,
});
export type TCorePlacement = z.infer<typeof ZCorePlacement>;

/** One entry of the per-order log. */
export const ZCoreOrderMessage = z.object({
  message: z.string(),
  message_type: z.enum(["INFO", "WARN", "ERROR"]),
  created_at: ZIsoTime,
});
export type TCoreOrderMessage = z.infer<typeof ZCoreOrderMessage>;

/** GET /api/order_errors/, POST /api/order_messages/: messages by order id, newest first. */
export const ZOrderMessagesByOrder = z.record(z.string(), z.array(ZCoreOrderMessage));

// --- Answers: orders -----------------------------------------------------------------------------

/** An order as GET /api/orders/ lists it (its "Response Fields" table). */
export const ZCoreOrder = z.object({
  id: z.guid(),
  custom_order_id: z.string(),
  parent_order_id: z.guid().nullable(),
  batch_order_id: z.guid().nullable(),
  batch_order_strategy: z.string().nullable(),
  notes: z.string().nullable(),
  pair: z.string(),
  side: ZSide,
  exchanges: z.array(z.string()),
  buy_token: z.string(),
  buy_token_amount: ZNumeric.nullable(),
  sell_token: z.string(),
  sell_token_amount: ZNumeric.nullable(),
  executed_qty: ZNumeric.meta({ description: "Executed, in target_token." }),
  executed_buy_qty: ZNumeric.nullable(),
  average_executed_price: ZDecimalText.nullable(),
  executed_notional: ZNumeric.nullable(),
  target_order_qty: ZNumeric,
  target_remaining_qty: ZNumeric,
  target_token: z.string(),
  target_executed_qty: ZNumeric.nullable(),
  pct_filled: ZDecimalText.nullable().meta({ description: "0-100, two decimals." }),
  total_fee: ZNumeric.nullable(),
  fee_asset: z.string().nullable(),
  total_fee_in_base: ZNumeric.nullable(),
  strategy: z.string(),
  super_strategy: z.string().nullable(),
  duration: z.int().nullable(),
  accounts: z.array(z.guid()),
  account_names: z.array(z.string()),
  engine_passiveness: ZNumeric.nullable(),
  schedule_discretion: ZNumeric.nullable(),
  pov_limit: ZNumeric.nullable(),
  pov_target: ZNumeric.nullable(),
  alpha_tilt: ZNumeric.nullable(),
  strategy_params: ZStrategyParams,
  user: z.string(),
  status: ZCoreStatus,
  active: z.boolean(),
  is_simple: z.boolean(),
  failure_reason: z.string(),
  limit_price: z.string().meta({ description: "Decimal text; empty when the order has no limit." }),
  is_reverse_limit_price: z.boolean(),
  time_start: ZIsoTime.nullable(),
  time_end: ZIsoTime.nullable(),
  created_at: ZIsoTime,
  updated_at: ZIsoTime,
});
export type TCoreOrder = z.infer<typeof ZCoreOrder>;

const paging = {
  page_number: z.int(),
  page_size: z.int(),
  num_pages: z.int(),
  order_count: z.int(),
};

/** GET /api/orders/ */
export const ZCoreOrderPage = z.object({ orders: z.array(ZCoreOrder), ...paging });
export type TCoreOrderPage = z.infer<typeof ZCoreOrderPage>;

/** GET /api/order/{id}: the listed order plus placements (with their fills), fills and messages. */
export const ZCoreOrderDetail = ZCoreOrder.extend({
  super_strategy_name: z.string().nullable(),
  trajectory: z.string(),
  start_datetime: ZIsoTime.nullable(),
  orig_time_end: ZIsoTime.nullable(),
  executed_price: ZNumeric.nullable(),
  remaining_qty: ZNumeric,
  exchange_names: z.array(z.string()),
  participation_rate_target_percent: ZNumeric.nullable(),
  market_type: z.string(),
  placement_live_qty: ZNumeric,
  updated_leverage: z.int().nullable(),
  pos_side: z.enum(["long", "short"]).nullable(),
  order_condition: z.string().nullable(),
  order_condition_normal: z.string(),
  order_condition_expiry: ZIsoTime.nullable(),
  paused_at: ZIsoTime.nullable(),
  resumed_at: ZIsoTime.nullable(),
  arrival_price: ZDecimalText.nullable(),
  departure_price: ZDecimalText.nullable(),
  vwap: ZDecimalText.nullable(),
  interval_volume: ZDecimalText.nullable(),
  placements: z.array(ZCorePlacement),
  messages: z.array(ZCoreOrderMessage).meta({ description: "The order's log, newest first." }),
  fills: z.array(ZCoreFill).optional().meta({ description: "Only with include_fills=true." }),
});
export type TCoreOrderDetail = z.infer<typeof ZCoreOrderDetail>;

/** POST /api/orders/ → 201: the stored order, as the submit documentation's 201 example shows it. */
export const ZCoreSubmittedOrder = z.object({
  id: z.guid(),
  parent_order: z.guid().nullable(),
  batch_order: z.guid().nullable(),
  chained_orders: z.array(z.unknown()),
  created_at: ZIsoTime,
  buy_token: z.string(),
  sell_token: z.string(),
  pair: z.string(),
  side: ZSide,
  sell_token_amount: ZDecimalText.nullable(),
  buy_token_amount: ZDecimalText.nullable(),
  target_order_qty: ZNumeric,
  target_remaining_qty: ZNumeric,
  strategy: z
    .guid()
    .meta({ description: "The strategy's UUID (see GET /api/openapi.json: CoreStrategyIds)." }),
  strategy_name: z.string(),
  super_strategy: z.string().nullable(),
  super_strategy_name: z.string().nullable(),
  strategy_params: ZStrategyParams,
  limit_price: z.string(),
  is_reverse_limit_price: z.boolean(),
  time_start: ZIsoTime,
  time_end: ZIsoTime.nullable(),
  is_simple: z.boolean(),
  orig_time_end: ZIsoTime.nullable(),
  duration: z.int().nullable(),
  accounts: z.array(z.guid()),
  account_names: z.array(z.string()),
  unique_venues: z.array(z.string()),
  user: z.string(),
  placements: z.array(ZCorePlacement),
  executed_qty: ZNumeric,
  executed_buy_qty: ZNumeric,
  executed_price: ZDecimalText.nullable(),
  executed_notional: ZNumeric,
  executed_token: ZNumeric,
  active: z.boolean(),
  status: ZCoreStatus,
  engine_passiveness: ZDecimalText,
  schedule_discretion: ZDecimalText.nullable(),
  alpha_tilt: ZDecimalText.nullable(),
  exposure_tolerance: ZDecimalText.nullable(),
  pov_limit: ZDecimalText.nullable(),
  pov_target: ZDecimalText.nullable(),
  order_condition: z.string().nullable(),
  order_condition_vars: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  order_condition_expiry: ZIsoTime.nullable(),
  failure_reason: z.string(),
  stop_price: ZDecimalText,
  notes: z.string(),
  custom_order_id: z.string(),
  updated_leverage: z.int().nullable(),
  vwap: ZDecimalText.nullable(),
  interval_volume: ZDecimalText.nullable(),
  arrival_price: ZDecimalText.nullable(),
  departure_price: ZDecimalText.nullable(),
  pct_filled: ZNumeric,
  order_variable_normal: z.record(z.string(), z.string()),
  order_condition_normal: z.string(),
  paused_at: ZIsoTime.nullable(),
  resumed_at: ZIsoTime.nullable(),
  market_type: z.string(),
  max_otc: ZDecimalText,
  pos_side: z.enum(["long", "short"]).nullable(),
  order_slices: z.int().nullable(),
  auto_order_metadata: z.record(z.string(), z.unknown()),
  batch_order_strategy: z.string().nullable(),
  chase_decay: z.int().nullable(),
});
export type TCoreSubmittedOrder = z.infer<typeof ZCoreSubmittedOrder>;

/** GET /api/order_summary/{id} */
export const ZCoreOrderSummary = z.object({
  id: z.guid(),
  pair: z.string(),
  side: ZSide,
  status: ZCoreStatus,
  start_datetime: ZIsoTime.nullable(),
  duration: z.int().nullable(),
  target_token: z.string(),
  order_qty: ZNumeric,
  remaining_qty: ZNumeric,
  executed_qty: ZNumeric,
  executed_notional: ZNumeric,
  exchange_names: z.array(z.string()),
  account_names: z.array(z.string()),
  schedule_discretion: ZNumeric.nullable(),
  engine_passiveness: ZNumeric.nullable(),
  alpha_tilt: ZNumeric.nullable(),
  strategy: z.string().nullable().meta({ description: "Super strategy name, if any." }),
  trajectory: z.string(),
  strategy_params: ZStrategyParams,
  participation_rate_target_percent: ZNumeric.nullable(),
  market_type: z.string(),
  parent_order_id: z.guid().nullable(),
  failure_reason: z.string(),
  limit_price: z.string(),
});
export type TCoreOrderSummary = z.infer<typeof ZCoreOrderSummary>;

/** Execution statistics of an order (GET /api/orders_with_stats/). */
export const ZCoreOrderStats = z.object({
  order_id: z.guid(),
  stat_id: z.guid(),
  interval_volume: ZDecimalText.nullable(),
  vwap: ZDecimalText.nullable(),
  arrival_price: ZDecimalText.nullable(),
  departure_price: ZDecimalText.nullable(),
  average_executed_price: ZDecimalText.nullable(),
  slippage_vs_arrival_bps: ZDecimalText.nullable().meta({ description: "Positive = cost." }),
  slippage_vs_vwap_bps: ZDecimalText.nullable(),
  slippage_vs_departure_bps: ZDecimalText.nullable(),
  participation_rate: ZDecimalText.nullable().meta({ description: "Own volume / all volume, 0..1." }),
});

/** An order of GET /api/orders_with_stats/. */
export const ZCoreOrderWithStats = z.object({
  id: z.guid(),
  pair: z.string(),
  side: ZSide,
  status: ZCoreStatus,
  time_start: ZIsoTime.nullable(),
  duration: z.int().nullable(),
  target_token: z.string(),
  order_qty: ZDecimalText,
  remaining_qty: ZDecimalText,
  executed_qty: ZDecimalText,
  executed_notional: ZDecimalText,
  exchange_names: z.array(z.string()),
  account_names: z.array(z.string()),
  schedule_discretion: ZDecimalText.nullable(),
  engine_passiveness: ZDecimalText.nullable(),
  alpha_tilt: ZDecimalText.nullable(),
  strategy: z.string().nullable(),
  trajectory: z.string(),
  strategy_params: ZStrategyParams,
  participation_rate_target_percent: ZDecimalText.nullable(),
  market_type: z.string(),
  parent_order_id: z.guid().nullable(),
  stats: ZCoreOrderStats,
  fills: z.array(ZCoreFill),
});
export type TCoreOrderWithStats = z.infer<typeof ZCoreOrderWithStats>;

/** GET /api/orders_with_stats/ */
export const ZCoreOrderWithStatsPage = z.object({ orders: z.array(ZCoreOrderWithStats), ...paging });

/** A fill as GET /api/active_orders/ lists it. */
export const ZCoreActiveFill = z.object({
  id: z.guid(),
  order_id: z.guid(),
  exchange: z.string(),
  pair: z.string(),
  side: ZSide,
  quantity: ZDecimalText,
  price: ZDecimalText,
  timestamp: ZIsoTime,
  fee: ZDecimalText,
  fee_currency: z.string(),
});

/** An order of GET /api/active_orders/. */
export const ZCoreActiveOrder = z.object({
  id: z.guid(),
  custom_order_id: z.string(),
  parent_order_id: z.guid().nullable(),
  notes: z.string(),
  pair: z.string(),
  side: ZSide,
  exchanges: z.array(z.string()),
  buy_token: z.string(),
  buy_token_amount: ZDecimalText.nullable(),
  sell_token: z.string(),
  sell_token_amount: ZDecimalText.nullable(),
  strategy: z.string(),
  duration: z.int().nullable(),
  status: ZCoreStatus,
  time_start: ZIsoTime.nullable(),
  time_end: ZIsoTime.nullable(),
  limit_price: z.string(),
  engine_passiveness: ZNumeric,
  schedule_discretion: ZNumeric,
  alpha_tilt: ZNumeric,
  pos_side: z.enum(["long", "short"]).nullable(),
  user: z.string(),
  created_at: ZIsoTime,
  updated_at: ZIsoTime,
  executed_qty: ZNumeric,
  target_order_qty: ZNumeric,
  pct_filled: ZNumeric,
  fills: z.array(ZCoreActiveFill),
});
export type TCoreActiveOrder = z.infer<typeof ZCoreActiveOrder>;

/** GET /api/active_orders/ */
export const ZCoreActiveOrders = z.object({ orders: z.array(ZCoreActiveOrder), order_count: z.int() });

/** DELETE /api/order/{id}: a bare JSON string. */
export const ZCancelAnswer = z.enum(["Order canceled!", "Order already canceled!"]);
