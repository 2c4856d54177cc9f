import { createAlgorithm, type Policy } from "./core";
import { roundPriceTo } from "./pricing";
import { fmt, unitOf } from "./state";

/**
 * Limit: the whole quantity rests at the limit price until filled (a marketable limit takes what
 * the book offers up to the limit first). passive_only keeps it post-only, re-pegged just behind
 * the touch while the limit is through it. With max_clip_size it rests as several children. With an
 * end time it expires then, reporting what was left.
 */
export const LIMIT_MAX_CHILDREN = 20;

export const limitPolicy: Policy = {
  strategy: "Limit",
  endBehavior: "expire",
  validate: (order) => (order.limitPrice === null ? ["a Limit order needs limit_price"] : []),
  describe: (order, s) =>
    `Limit order: ${fmt(order.targetQty)} ${unitOf(order, s.spec)} ${order.side} resting at ${fmt(order.limitPrice!)}.`,
  plan: (ctx) => {
    const price = roundPriceTo(
      ctx.state.spec,
      ctx.order.limitPrice!,
      ctx.bound?.kind === "max" ? "down" : "up",
    );
    return {
      band: null,
      take: ctx.remaining.mul(0),
      rest: ctx.remaining,
      passiveness: 0.1,
      restPrice: price,
      maxRestChildren: LIMIT_MAX_CHILDREN,
    };
  },
};

export const limit = createAlgorithm(limitPolicy);
