import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import type { StrategyName } from "../orders/types";
import { algorithmFor } from "./index";
import type { AlgoState, Command } from "./types";
import { MINUTE, T0, orderOf, places, viewOf } from "./test-support";

/** The engine stores the state as JSON between ticks and may replay a tick after a crash. */
const roundTrip = (state: AlgoState): AlgoState => JSON.parse(JSON.stringify(state)) as AlgoState;

const strategies: StrategyName[] = [
  "TWAP",
  "VWAP",
  "IS",
  "Target Time",
  "Market",
  "Iceberg",
  "POV",
  "Limit",
  "IOC",
];

describe("replaying a tick from stored state", () => {
  it.each(strategies)("%s sends exactly the same children, with the same client ids", (strategy) => {
    const order = orderOf(strategy, {
      targetQty: new Dec(3),
      limitPrice: strategy === "Limit" ? new Dec(89990) : null,
      povTarget: strategy === "POV" ? new Dec("0.1") : null,
      params: { maxClipSize: strategy === "Iceberg" ? new Dec(20_000) : null },
    });
    const algo = algorithmFor(order);
    const first = algo.init(order, viewOf({ time: T0 }));
    const stored = roundTrip(first.state);
    const event = {
      type: "tick" as const,
      time: T0 + 5 * MINUTE,
      market: viewOf({ time: T0 + 5 * MINUTE, tradedVolume: 40, tradedNotional: 3_600_200 }),
    };
    const a = algo.step(order, stored, event);
    const b = algo.step(order, roundTrip(stored), event);
    expect(a.commands).toEqual(b.commands);
    expect(roundTrip(a.state)).toEqual(a.state);
    const ids = [...places(first.commands), ...places(a.commands)].map((c) => c.clientId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^ord-1:\d+$/);
  });

  it("does not mutate the state it is given", () => {
    const order = orderOf("TWAP");
    const algo = algorithmFor(order);
    const { state } = algo.init(order, viewOf());
    const frozen = JSON.stringify(state);
    algo.step(order, state, { type: "tick", time: T0 + MINUTE, market: viewOf({ time: T0 + MINUTE }) });
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it("keeps decimals as strings: quantities survive the round trip exactly", () => {
    const order = orderOf("TWAP", { targetQty: new Dec("1.23456") });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const child = places(init.commands)[0]!;
    const filled = algo.step(order, roundTrip(init.state), {
      type: "fill",
      clientId: child.clientId,
      time: T0,
      price: new Dec("90000"),
      size: new Dec("0.00007"),
      fee: new Dec("0.00126"),
      role: "MAKE",
    });
    const stored = roundTrip(filled.state) as { executedBase: string; executedNotional: string };
    expect(stored.executedBase).toBe("0.00007");
    expect(stored.executedNotional).toBe("6.3");
    const cmds: Command[] = filled.commands;
    expect(cmds.filter((c) => c.type === "complete")).toEqual([]);
  });
});
