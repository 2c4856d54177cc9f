import { createAlgorithm, type Policy } from "./core";
import { CROSS_BELOW_PASSIVENESS, TOUCH_UP_TO_PASSIVENESS } from "./pricing";
import { tilt, timeProgress } from "./schedule";
import { followSchedule, scheduleDescription } from "./trajectory";

/**
 * Target Time: finish by the end time, trading as passively as the time left allows. The schedule is
 * back-loaded (c = u^1.5, then alpha tilt), children rest up to the top of the discretion band (as
 * much passive presence as the band permits), and the resting price moves from the order's
 * passiveness toward the touch as time runs out; the band's lower edge and the final stretch take
 * over at the end so the order completes on time. It never chooses to cross otherwise.
 */
export const TARGET_TIME_EXPONENT = 1.5;

export const targetTimePolicy: Policy = {
  strategy: "Target Time",
  endBehavior: "cross",
  validate: (order) => (order.endTime === null ? ["Target Time needs a duration"] : []),
  describe: (order, s) => scheduleDescription("Target Time", order, s),
  plan: (ctx) => {
    const u = ctx.progress;
    const p = Math.max(ctx.passiveness, CROSS_BELOW_PASSIVENESS);
    // Urgency ramps up: passiveness slides toward the touch as the end approaches.
    const ramped =
      p <= TOUCH_UP_TO_PASSIVENESS ? p : TOUCH_UP_TO_PASSIVENESS + (p - TOUCH_UP_TO_PASSIVENESS) * (1 - u);
    return followSchedule(ctx, {
      fraction: (t) =>
        tilt(timeProgress(t, ctx.segStart, ctx.segEnd ?? t) ** TARGET_TIME_EXPONENT, ctx.alphaTilt),
      restAhead: "band",
      passiveness: ramped,
    });
  },
};

export const targetTime = createAlgorithm(targetTimePolicy);
