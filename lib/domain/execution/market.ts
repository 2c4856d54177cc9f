import { createAlgorithm, type Policy } from "./core";
import { fmt, unitOf } from "./state";

/**
 * Market: take the whole quantity now, walking the book. With a limit price the children are
 * immediate-or-cancel limits at a sweep price capped by it (what lies beyond the limit is not
 * taken); with max_clip_size one clip per tick; with pov_limit no faster than the cap allows. What
 * the displayed book cannot fill is taken on the next ticks.
 */
export const marketPolicy: Policy = {
  strategy: "Market",
  endBehavior: "cross",
  validate: (order) => (order.params.passiveOnly ? ["a Market order cannot be passive_only"] : []),
  describe: (order, s) =>
    `Market order: taking ${fmt(order.targetQty)} ${unitOf(order, s.spec)} ${order.side} now.`,
  plan: (ctx) => ({
    band: null,
    take: ctx.remaining,
    rest: ctx.remaining.mul(0),
    passiveness: 0,
    takeKind: "market",
  }),
};

export const market = createAlgorithm(marketPolicy);
