import { createAlgorithm, type Policy } from "./core";
import { farTouch } from "./pricing";
import { executedTarget, fmt, unitOf } from "./state";

/**
 * IOC: one immediate-or-cancel child at the limit price (or at the far touch without one) for the
 * whole quantity (max_clip_size caps it), then the order completes with what it got.
 */
export const iocPolicy: Policy = {
  strategy: "IOC",
  endBehavior: "cross",
  validate: (order) => (order.params.passiveOnly ? ["an IOC order cannot be passive_only"] : []),
  describe: (order, s) =>
    `IOC order: ${fmt(order.targetQty)} ${unitOf(order, s.spec)} ${order.side} at ${order.limitPrice ? fmt(order.limitPrice) : "the touch"}, immediate or cancel.`,
  plan: (ctx) => {
    const sent = ctx.state.x.sent === true;
    ctx.state.x.sent = true;
    const price = ctx.order.limitPrice ?? farTouch(ctx.order.side, ctx.view);
    return {
      band: null,
      take: sent ? ctx.remaining.mul(0) : ctx.remaining,
      rest: ctx.remaining.mul(0),
      passiveness: 0,
      takePrice: price,
    };
  },
  settled: (order, s) =>
    s.x.sent === true
      ? {
          level: "INFO",
          message: `IOC done: filled ${fmt(executedTarget(order, s))} of ${fmt(order.targetQty)} ${unitOf(order, s.spec)}; the rest was canceled.`,
        }
      : null,
};

export const ioc = createAlgorithm(iocPolicy);
