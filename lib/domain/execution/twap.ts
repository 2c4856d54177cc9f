import { createAlgorithm, type Policy } from "./core";
import { tilt, timeProgress } from "./schedule";
import { followSchedule, scheduleDescription } from "./trajectory";

/**
 * TWAP: the quantity spread evenly over the duration. The schedule is linear in time (alpha tilt
 * bends it toward the start or the end); children rest passively for the next slice at the order's
 * passiveness and the order crosses only to get back inside the discretion band and in the final
 * stretch. Parameters: duration (required), passiveness, discretion, alpha tilt, limit price,
 * pov_limit, max_clip_size, passive_only, strict_duration, ool_pause.
 */
export const twapPolicy: Policy = {
  strategy: "TWAP",
  endBehavior: "cross",
  validate: (order) => (order.endTime === null ? ["TWAP needs a duration"] : []),
  describe: (order, s) => scheduleDescription("TWAP", order, s),
  plan: (ctx) =>
    followSchedule(ctx, {
      fraction: (t) => tilt(timeProgress(t, ctx.segStart, ctx.segEnd ?? t), ctx.alphaTilt),
      restAhead: "slice",
    }),
};

export const twap = createAlgorithm(twapPolicy);
