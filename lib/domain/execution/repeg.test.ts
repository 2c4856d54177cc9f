import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { algorithmFor } from "./index";
import type { AlgoState } from "./types";
import { T0, cancels, orderOf, places, viewOf } from "./test-support";

/**
 * A resting child follows the touch when it moves away (cancel + new at the new touch), but not on
 * every wiggle: only after it has rested a while (unless active_limit), and never when the touch
 * moves toward it.
 */
function setup(activeLimit: boolean) {
  const order = orderOf("TWAP", { targetQty: new Dec(3), params: { activeLimit } });
  const algo = algorithmFor(order);
  const init = algo.init(order, viewOf({ bid: "90000", ask: "90010" }));
  const child = places(init.commands)[0]!;
  const opened = algo.step(order, init.state, {
    type: "placement",
    clientId: child.clientId,
    time: T0,
    status: "open",
  });
  const tickAt = (state: AlgoState, ms: number, bid: number) =>
    algo.step(order, state, {
      type: "tick",
      time: T0 + ms,
      market: viewOf({ time: T0 + ms, bid, ask: bid + 10 }),
    });
  return { child, state: opened.state, tickAt };
}

describe("re-pegging resting children", () => {
  it("waits a few seconds before chasing a touch that moved away", () => {
    const { child, state, tickAt } = setup(false);
    const early = tickAt(state, 2000, 90018);
    expect(cancels(early.commands)).toEqual([]);
    const later = tickAt(early.state, 6000, 90018);
    expect(cancels(later.commands)).toEqual([child.clientId]);
    const replacement = places(later.commands)[0]!;
    expect(replacement.price).toBe("90018");
    expect(replacement.clientId).not.toBe(child.clientId);
  });

  it("with active_limit, chases at once", () => {
    const { child, state, tickAt } = setup(true);
    const r = tickAt(state, 1000, 90018);
    expect(cancels(r.commands)).toEqual([child.clientId]);
    expect(places(r.commands)[0]!.price).toBe("90018");
  });

  it("ignores moves smaller than half a basis point, and moves toward the child", () => {
    const { state, tickAt } = setup(false);
    // +3 USDT on 90,000 is 0.33 bp: not worth losing the queue position.
    expect(tickAt(state, 10_000, 90003).commands.filter((c) => c.type === "cancel")).toEqual([]);
    // The bid fell under the child: it is now the best bid, keep it.
    expect(tickAt(state, 10_000, 89980).commands.filter((c) => c.type === "cancel")).toEqual([]);
  });
});
