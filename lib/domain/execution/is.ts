import { sideSign } from "../shared/side";
import { createAlgorithm, type Policy } from "./core";
import { almgrenChriss, clamp, tilt, timeProgress } from "./schedule";
import { followSchedule, scheduleDescription } from "./trajectory";

/**
 * IS (implementation shortfall / arrival price): minimise the expected cost against the arrival mid
 * plus a penalty on its risk. The schedule is the Almgren–Chriss trajectory 1 − sinh(κ(1−u))/sinh(κ),
 * front-loaded: the more urgent (κ larger), the more is done early. Urgency rises with 1 − passiveness
 * and adapts to the market: when the mid runs away from the arrival price (up for a buy) waiting has
 * already cost, and the risk of waiting longer is the larger term, so κ grows (up to 2×); when the
 * price comes our way it relaxes (down to ½×). The schedule never goes backwards (a running maximum).
 */
export const IS_BASE_URGENCY = 0.5;
export const IS_URGENCY_RANGE = 4;
/** Adverse move (bps from arrival) that doubles the urgency. */
export const IS_ADAPT_BPS = 20;

export function isUrgency(passiveness: number, adverseBps: number): number {
  const base = IS_BASE_URGENCY + IS_URGENCY_RANGE * (1 - clamp(passiveness, 0, 1));
  return base * clamp(1 + adverseBps / IS_ADAPT_BPS, 0.5, 2);
}

export const isPolicy: Policy = {
  strategy: "IS",
  endBehavior: "cross",
  validate: (order) => (order.endTime === null ? ["IS needs a duration"] : []),
  describe: (order, s) =>
    scheduleDescription("IS", order, s, [
      `urgency κ ${isUrgency(order.passiveness.toNumber(), 0).toFixed(2)}`,
    ]),
  onRebase: (s) => {
    s.x.cmax = 0;
  },
  plan: (ctx) => {
    const arrival = Number(ctx.state.arrivalMid);
    const mid = ctx.view.mid.toNumber();
    const adverse = arrival > 0 ? (sideSign(ctx.order.side) * (mid - arrival) * 10_000) / arrival : 0;
    const kappa = isUrgency(ctx.passiveness, adverse);
    const floor = typeof ctx.state.x.cmax === "number" ? ctx.state.x.cmax : 0;
    const shape = (t: number): number =>
      Math.max(
        floor,
        tilt(almgrenChriss(timeProgress(t, ctx.segStart, ctx.segEnd ?? t), kappa), ctx.alphaTilt),
      );
    ctx.state.x.cmax = shape(ctx.time);
    ctx.state.x.kappa = Number(kappa.toFixed(4));
    return followSchedule(ctx, { fraction: shape, restAhead: "slice" });
  },
};

export const implementationShortfall = createAlgorithm(isPolicy);
