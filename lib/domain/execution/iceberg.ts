import { Dec } from "../shared/decimal";
import { createAlgorithm, type Policy } from "./core";
import { CROSS_BELOW_PASSIVENESS } from "./pricing";
import { fmt, toTarget, unitOf } from "./state";

/**
 * Iceberg: only one clip of at most max_clip_size notional shows at a time; the next clip goes up as
 * soon as the previous one has filled. Clips rest at the order's passiveness (at least at the touch,
 * never crossing) and within the limit price; re-pegged when the touch moves away. With an end time
 * the core's final stretch takes what is left.
 */
export const icebergPolicy: Policy = {
  strategy: "Iceberg",
  endBehavior: "cross",
  validate: (order) => (order.params.maxClipSize === null ? ["an Iceberg order needs max_clip_size"] : []),
  describe: (order, s) =>
    `Iceberg order: ${fmt(order.targetQty)} ${unitOf(order, s.spec)} ${order.side} in clips of at most ${fmt(order.params.maxClipSize!)} ${s.spec.quote}.`,
  plan: (ctx) => {
    const clipBase = ctx.order.params.maxClipSize!.div(ctx.view.mid);
    const clip = Dec.min(ctx.remaining, toTarget(ctx.order, clipBase, ctx.view.mid));
    return {
      band: null,
      take: ctx.remaining.mul(0),
      rest: clip,
      restMode: "standing",
      passiveness: Math.max(ctx.passiveness, CROSS_BELOW_PASSIVENESS),
      maxRestChildren: 1,
    };
  },
};

export const iceberg = createAlgorithm(icebergPolicy);
