import { Dec, ZERO } from "../shared/decimal";
import { createAlgorithm, type Policy } from "./core";
import { CROSS_BELOW_PASSIVENESS, minChildSize } from "./pricing";
import { bandAround } from "./schedule";
import { dec, fmt, toTarget, unitOf } from "./state";
import type { Intent } from "./core";

/**
 * POV (percentage of volume): trade pov_target of the market's volume as it happens, so that
 * own / (own + others) ≈ target since the start. The target quantity is r·others with
 * r = ρ/(1 − ρ); the order keeps within a tolerance of about six seconds of its expected volume
 * around it (capped by the discretion): below it crosses back, above it waits and cancels, inside it
 * rests passively up to the tolerance. Without an end time it runs until done; with one, the core's
 * final stretch finishes it by then.
 */
export const POV_TOLERANCE_MS = 6_000;
/** pov_target 1 would mean infinite speed; it is read as 99 %. */
export const POV_MAX_TARGET = 0.99;

export const povPolicy: Policy = {
  strategy: "POV",
  endBehavior: "cross",
  validate: (order) => (order.povTarget === null ? ["POV needs pov_target"] : []),
  describe: (order, s) => {
    const limit =
      order.endTime === null
        ? "until done"
        : `for up to ${((order.endTime - s.seg.start) / 60_000).toFixed(1)} min`;
    return `Generating execution schedule: ${order.povTarget?.mul(100).toFixed()}% of market volume ${limit} (POV: ${fmt(order.targetQty)} ${unitOf(order, s.spec)} ${order.side}, passiveness ${order.passiveness.toFixed()}).`;
  },
  plan: (ctx) => {
    const { order, state: s, Q, E, segBase, view, time } = ctx;
    const rho = Math.min(POV_MAX_TARGET, (order.povTarget ?? ZERO).toNumber());
    const r = new Dec(rho).div(1 - rho);
    const quote = order.targetUnit === "quote";
    const others = quote
      ? dec(s.othersNotional).sub(dec(s.seg.othersNotional))
      : dec(s.othersVolume).sub(dec(s.seg.othersVolume));
    const want = Dec.min(Q, segBase.add(others.mul(r)));
    // Tolerance: ~6 s of our expected volume, at least one minimum child, at most the discretion.
    const expected = toTarget(order, view.expectedVolume(time, time + POV_TOLERANCE_MS), view.mid).mul(r);
    const minimum = toTarget(order, minChildSize(s.spec, view.mid), view.mid);
    let tol = Dec.max(expected, minimum);
    if (ctx.discretion > 0) tol = Dec.min(tol, Dec.max(minimum, Q.mul(ctx.discretion)));
    const q = Q.toNumber();
    const band = bandAround(want.toNumber() / q, tol.toNumber() / q, tol.toNumber() / q);
    const intent: Intent = {
      band,
      take: ZERO,
      rest: ZERO,
      passiveness: ctx.passiveness,
      restQuantum: tol.div(4),
    };
    const upper = Dec.min(Q, want.add(tol));
    if (E.gt(upper)) return intent;
    let take = E.lt(want.sub(tol)) ? want.sub(tol.div(2)).sub(E) : ZERO;
    if (ctx.passiveness < CROSS_BELOW_PASSIVENESS && want.sub(E).gte(tol.div(2)))
      take = Dec.max(take, want.sub(E));
    intent.take = take;
    const rest = upper.sub(E).sub(take);
    intent.rest = rest.gt(0) ? rest : ZERO;
    return intent;
  },
};

export const pov = createAlgorithm(povPolicy);
