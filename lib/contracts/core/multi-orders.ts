import { z } from "zod";
import { guid, queryBoolean, queryPage, queryPageSize } from "./common";
import { ZCoreOrder } from "./orders";

/**
 * Multi-orders (legs worked together within an exposure tolerance) and chained orders (batches by
 * priority). The product documents the read side; the submit bodies are Tranche's reading of it:
 * shared order fields at the top, legs in `child_orders`, each leg overriding any shared field.
 */
export const ZMultiOrderRequest = z
  .object({
    child_orders: z
      .array(z.record(z.string(), z.unknown()))
      .describe("The legs: pair, side and one quantity each, plus any field to override."),
    exposure_tolerance: z
      .union([z.string(), z.number()])
      .optional()
      .describe("Max lead of a leg's filled fraction over the slowest leg; default 0.09."),
    accounts: z.array(z.string()).optional(),
    strategy: z.string().optional(),
    duration: z.int().optional(),
  })
  .catchall(z.unknown());

export const ZMultiOrderQuery = z.object({
  include_child_orders: queryBoolean("include_child_orders", false),
});
export const ZMultiOrderListQuery = ZMultiOrderQuery.extend({
  page: queryPage,
  page_size: queryPageSize(100),
});
export const ZMultiOrderParams = z.object({ id: guid("Invalid multi order ID format") });
export const ZMultiOrderIdBody = z.object({ multi_order_id: guid("Invalid multi order ID format") });

export const ZCoreMultiOrder = z.object({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  start_datetime: z.string().nullable(),
  duration: z.int().nullable(),
  exposure_tolerance: z.string(),
  notional_exposure: z.union([z.number(), z.string()]),
  executed_notional: z.union([z.number(), z.string()]),
  is_active: z.boolean(),
  child_order_ids: z.array(z.string()),
  strategy: z.string(),
  strategy_params: z.record(z.string(), z.unknown()),
  engine_passiveness: z.string(),
  schedule_discretion: z.string(),
  alpha_tilt: z.string(),
  pov_limit: z.string().nullable(),
  limit_price_spread: z.null(),
  order_condition: z.string().nullable(),
  order_condition_vars: z.record(z.string(), z.unknown()),
  order_condition_expiry: z.string().nullable(),
  user: z.string(),
  status: z.string(),
  failure_reason: z.string(),
  completely_filled: z.boolean(),
  is_paused: z.boolean(),
  pct_filled: z.number(),
  account_names: z.array(z.string()),
  pairs: z.string(),
  calculated_status: z.string(),
  sell_token_amount: z.string(),
  buy_token: z.string(),
  sell_token: z.string(),
  custom_order_id: z.string(),
  child_orders: z.array(ZCoreOrder).optional(),
});
export type TCoreMultiOrder = z.infer<typeof ZCoreMultiOrder>;

export const ZCoreMultiOrderPage = z.object({
  multi_orders: z.array(ZCoreMultiOrder),
  page_number: z.int(),
  page_size: z.int(),
  num_pages: z.int(),
  count: z.int(),
});

export const ZChainedOrderRequest = z.object({
  orders_in_chain: z
    .array(z.object({ order_request: z.record(z.string(), z.unknown()), priority: z.int().optional() }))
    .describe("Orders with their batch priority: lower priorities run first."),
});

export const ZChainedOrderParams = z.object({ id: guid("Invalid chained order ID format") });

export const ZCoreChainedOrder = z.object({
  id: z.string(),
  status: z.enum(["RUNNING", "COMPLETE", "STOPPED", "CANCELED"]),
  stop_reason: z.string(),
  created_at: z.string(),
  orders: z.array(ZCoreOrder.extend({ priority: z.int() })),
});
export type TCoreChainedOrder = z.infer<typeof ZCoreChainedOrder>;
