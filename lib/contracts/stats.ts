import { z } from "zod";
import { PAIR_PATTERN, queryIsoTime } from "./common";
import { csvList } from "./core/common";

/**
 * GET /api/stats/executions — execution quality across the caller's completed orders: slippage of
 * each order's average price against its arrival mid and against the market's VWAP over its
 * interval (basis points, positive = cost), grouped by strategy, size bucket and pair, and the
 * distribution of per-order slippage vs arrival. App-internal (the dashboard's Fills page).
 */

export const ZExecutionStatsQuery = z
  .object({
    pair: z.string().trim().regex(PAIR_PATTERN, "must be BASE-QUOTE, e.g. BTC-USDT").optional(),
    account_names: csvList("account_names").optional(),
    from: queryIsoTime("ISO 8601: orders completed at or after this time."),
    to: queryIsoTime("ISO 8601: orders completed before this time."),
  })
  .superRefine((query, ctx) => {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  });
export type TExecutionStatsQuery = z.output<typeof ZExecutionStatsQuery>;

const bps = z.string().nullable().meta({ description: "Basis points, two decimals; null when unknown." });

/** The figures of one group of orders. Means are weighted by executed notional. */
export const ZExecutionStatsGroup = z.object({
  key: z.string(),
  orders: z.int(),
  /** Executed notional, quote units. */
  notional: z.string(),
  arrival_bps: bps.meta({ description: "Notional-weighted mean slippage vs arrival mid." }),
  arrival_bps_median: bps,
  vwap_bps: bps.meta({ description: "Notional-weighted mean slippage vs interval VWAP (others' trades)." }),
  vwap_bps_median: bps,
  fee_bps: bps.meta({ description: "Fees paid in the quote asset, per executed notional." }),
  /** Orders with an arrival price / an interval VWAP (the rest count in `orders` only). */
  with_arrival: z.int(),
  with_vwap: z.int(),
});
export type TExecutionStatsGroup = z.infer<typeof ZExecutionStatsGroup>;

export const ZSizeBucketGroup = ZExecutionStatsGroup.extend({
  min_notional: z.string(),
  max_notional: z.string().nullable().meta({ description: "Exclusive; null for the last bucket." }),
});
export type TSizeBucketGroup = z.infer<typeof ZSizeBucketGroup>;

export const ZHistogramBin = z.object({
  /** Inclusive lower edge in bps; null for the underflow bin. */
  from_bps: z.string().nullable(),
  /** Exclusive upper edge in bps; null for the overflow bin. */
  to_bps: z.string().nullable(),
  count: z.int(),
});
export type THistogramBin = z.infer<typeof ZHistogramBin>;

export const ZExecutionStats = z.object({
  /** Completed orders with fills that matched the filters. */
  orders: z.int(),
  overall: ZExecutionStatsGroup,
  by_strategy: z.array(ZExecutionStatsGroup),
  by_size: z.array(ZSizeBucketGroup),
  by_pair: z.array(ZExecutionStatsGroup),
  distribution: z.object({
    benchmark: z.literal("arrival"),
    bin_width_bps: z.string().nullable(),
    bins: z.array(ZHistogramBin),
  }),
});
export type TExecutionStats = z.infer<typeof ZExecutionStats>;
