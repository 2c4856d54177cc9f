import { createAlgorithm, type Policy } from "./core";
import { tilt } from "./schedule";
import { followSchedule, scheduleDescription, volumeProgress } from "./trajectory";

/**
 * VWAP: the schedule follows the market's expected volume curve (the venue's intraday profile), so
 * the order trades more when the market does and its average price tracks the interval VWAP. Same
 * band, passiveness and end-of-schedule behaviour as TWAP; alpha tilt bends the curve in volume time.
 */
export const vwapPolicy: Policy = {
  strategy: "VWAP",
  endBehavior: "cross",
  validate: (order) => (order.endTime === null ? ["VWAP needs a duration"] : []),
  describe: (order, s, view) => {
    const end = s.seg.end ?? s.seg.start;
    const half = s.seg.start + (end - s.seg.start) / 2;
    const firstHalf = volumeProgress(view, s.seg.start, end, half);
    return scheduleDescription("VWAP", order, s, [
      `${(firstHalf * 100).toFixed(0)}% of the expected volume in the first half`,
    ]);
  },
  plan: (ctx) =>
    followSchedule(ctx, {
      fraction: (t) => tilt(volumeProgress(ctx.view, ctx.segStart, ctx.segEnd ?? t, t), ctx.alphaTilt),
      restAhead: "slice",
    }),
};

export const vwap = createAlgorithm(vwapPolicy);
