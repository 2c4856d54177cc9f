import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { algorithmFor } from "./index";
import type { AlgoEvent, AlgoState, Command } from "./types";
import { MINUTE, T0, cancels, logsOf, orderOf, places, viewOf } from "./test-support";

/** Reducer-level behaviour on hand-made market views: what each venue answer does to the order. */

const fill = (clientId: string, size: string, price = "90000", time = T0): AlgoEvent => ({
  type: "fill",
  clientId,
  time,
  price: new Dec(price),
  size: new Dec(size),
  fee: new Dec(price).mul(size).mul("0.0002"),
  role: "MAKE",
});
const placement = (
  clientId: string,
  status: "open" | "filled" | "canceled" | "rejected",
  extra: { subStatus?: string; reason?: string } = {},
  time = T0,
): AlgoEvent => ({
  type: "placement",
  clientId,
  time,
  status,
  ...extra,
});

function drive(order: ReturnType<typeof orderOf>, state: AlgoState, events: AlgoEvent[]) {
  const algo = algorithmFor(order);
  const all: Command[] = [];
  let s = state;
  for (const e of events) {
    const r = algo.step(order, s, e);
    s = r.state;
    all.push(...r.commands);
  }
  return { state: s, commands: all };
}

describe("start", () => {
  it("TWAP logs its schedule and rests the first slice at the bid", () => {
    const order = orderOf("TWAP", { targetQty: new Dec(3) });
    const { commands } = algorithmFor(order).init(order, viewOf());
    const info = logsOf(commands);
    expect(info).toHaveLength(1);
    expect(info[0]!.level).toBe("INFO");
    expect(info[0]!.message).toMatch(
      /^Generating execution schedule: 30 slices over 30\.0 min \(TWAP: 3 BTC buy/,
    );
    const [child, ...more] = places(commands);
    expect(more).toEqual([]);
    // One slice (3/30 = 0.1 BTC) ahead of a schedule at 0: rests at the touch, GTC, within the size grid.
    expect(child).toMatchObject({
      clientId: "ord-1:1",
      side: "buy",
      kind: "limit",
      tif: "GTC",
      price: "90000",
      size: "0.1",
      postOnly: false,
    });
  });

  it("Market takes the whole quantity at once", () => {
    const order = orderOf("Market", { targetQty: new Dec("2.5"), endTime: null });
    const { commands } = algorithmFor(order).init(order, viewOf());
    expect(places(commands)).toEqual([
      {
        clientId: "ord-1:1",
        side: "buy",
        kind: "market",
        price: null,
        size: "2.5",
        tif: "IOC",
        postOnly: false,
      },
    ]);
  });

  it("a sell Limit rests the whole quantity at its limit", () => {
    const order = orderOf("Limit", {
      side: "sell",
      targetQty: new Dec("1.5"),
      limitPrice: new Dec("90100.004"),
      endTime: null,
    });
    const { commands } = algorithmFor(order).init(order, viewOf());
    // A sell's limit rounds up to the tick: never below the limit.
    expect(places(commands)).toEqual([
      {
        clientId: "ord-1:1",
        side: "sell",
        kind: "limit",
        price: "90100.01",
        size: "1.5",
        tif: "GTC",
        postOnly: false,
      },
    ]);
  });

  it("a quote-sized order sizes children in base units from the notional", () => {
    const order = orderOf("Market", { targetQty: new Dec(45_005), targetUnit: "quote", endTime: null });
    const { commands } = algorithmFor(order).init(order, viewOf());
    // 45,005 USDT at the ask 90,010 (the level that covers it) = 0.5 BTC: the notional stays within the target.
    expect(places(commands)[0]!.size).toBe("0.5");
  });
});

describe("fills and completion", () => {
  it("counts fills, completes once when the target is reached, and then says nothing more", () => {
    const order = orderOf("Limit", { targetQty: new Dec("1"), limitPrice: new Dec(90000), endTime: null });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const id = places(init.commands)[0]!.clientId;
    const done = drive(order, init.state, [
      placement(id, "open"),
      fill(id, "0.4"),
      fill(id, "0.6"),
      placement(id, "filled"),
    ]);
    const completes = done.commands.filter((c) => c.type === "complete");
    expect(completes).toHaveLength(1);
    expect(completes[0]).toMatchObject({ reason: expect.stringContaining("Executed 1 of 1 BTC") });
    const after = drive(order, done.state, [
      { type: "tick", time: T0 + MINUTE, market: viewOf({ time: T0 + MINUTE }) },
      fill(id, "0.1"),
      { type: "cancel", time: T0 + MINUTE },
    ]);
    expect(after.commands).toEqual([]);
  });

  it("cancel sends cancels for every live child and nothing else", () => {
    const order = orderOf("Limit", {
      targetQty: new Dec(3),
      limitPrice: new Dec(90000),
      endTime: null,
      params: { maxClipSize: new Dec(100_000) },
    });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const ids = places(init.commands).map((c) => c.clientId);
    expect(ids.length).toBeGreaterThan(1);
    const r = algo.step(order, init.state, { type: "cancel", time: T0 + 1000 });
    expect(r.commands.every((c) => c.type === "cancel")).toBe(true);
    expect(cancels(r.commands).sort()).toEqual([...ids].sort());
  });
});

describe("pause and resume", () => {
  it("pause cancels every live child; ticks while paused do nothing; resume re-bases the schedule", () => {
    const order = orderOf("TWAP", { targetQty: new Dec(3) });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const id = places(init.commands)[0]!.clientId;
    const paused = drive(order, init.state, [
      placement(id, "open"),
      fill(id, "0.1"),
      { type: "pause", time: T0 + 2 * MINUTE },
    ]);
    expect(paused.commands).toEqual([]); // the filled child is no longer live: nothing to cancel
    const idle = algo.step(order, paused.state, {
      type: "tick",
      time: T0 + 3 * MINUTE,
      market: viewOf({ time: T0 + 3 * MINUTE }),
    });
    expect(idle.commands).toEqual([]);
    // Resumed 10 minutes later with the end time shifted by the pause.
    const resumedOrder = { ...order, endTime: order.endTime! + 10 * MINUTE };
    const resumed = algo.step(resumedOrder, idle.state, {
      type: "resume",
      time: T0 + 12 * MINUTE,
      order: resumedOrder,
    });
    expect(logsOf(resumed.commands)[0]!.message).toBe("Resumed: 2.9 BTC remaining over 28.0 min.");
    const next = algo.step(resumedOrder, resumed.state, {
      type: "tick",
      time: T0 + 12 * MINUTE + 1000,
      market: viewOf({ time: T0 + 12 * MINUTE + 1000 }),
    });
    // The schedule restarts from what is done: 0.1 executed, the rest over 28 one-minute slices.
    const [child] = places(next.commands);
    expect(Number(child!.size)).toBeCloseTo(2.9 / 28 + (2.9 / 28) * (1 / 60), 3);
  });
});

describe("rejections", () => {
  it("fails with a clear reason on insufficient balance", () => {
    const order = orderOf("Market", { endTime: null });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const id = places(init.commands)[0]!.clientId;
    const r = algo.step(
      order,
      init.state,
      placement(id, "rejected", {
        subStatus: "INSUFFICIENT_BALANCE",
        reason: "needs 180,100 USDT, available 1,000 USDT",
      }),
    );
    const fail = r.commands.find((c) => c.type === "fail");
    expect(fail).toEqual({
      type: "fail",
      reason: "Insufficient balance for a buy of 2 BTC: needs 180,100 USDT, available 1,000 USDT",
    });
    expect(algo.step(order, r.state, { type: "tick", time: T0 + 1000, market: viewOf() }).commands).toEqual(
      [],
    );
  });

  it("completes with a warning when the last remainder is below the pair's minimum", () => {
    // 0.00003 BTC ≈ 2.7 USDT: under the 5 USDT minimum notional, so it can only go as the final remainder.
    const order = orderOf("Market", { targetQty: new Dec("0.00003"), endTime: null });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const child = places(init.commands)[0]!;
    expect(child.size).toBe("0.00003");
    const r = algo.step(
      order,
      init.state,
      placement(child.clientId, "rejected", {
        subStatus: "MIN_AMOUNT",
        reason: "notional 2.7003 is below the minimum 5 USDT",
      }),
    );
    const warns = logsOf(r.commands)
      .filter((l) => l.level === "WARN")
      .map((l) => l.message);
    expect(warns[0]).toContain(
      "rejected: below the pair's minimum order (min size 0.00001 BTC, min notional 5 USDT)",
    );
    expect(warns[1]).toBe(
      "The remaining 0.00003 BTC is below the pair's minimum order (min size 0.00001 BTC, min notional 5 USDT) and cannot be placed: order completed short.",
    );
    expect(r.commands.at(-1)).toMatchObject({ type: "complete" });
  });

  it("a post-only rejection is retried on the next tick without a log", () => {
    const order = orderOf("TWAP", { params: { passiveOnly: true } });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const child = places(init.commands)[0]!;
    expect(child.postOnly).toBe(true);
    const r = algo.step(
      order,
      init.state,
      placement(child.clientId, "rejected", { subStatus: "POST_ONLY_WOULD_TAKE" }),
    );
    expect(r.commands).toEqual([]);
    const next = algo.step(order, r.state, {
      type: "tick",
      time: T0 + 1000,
      market: viewOf({ time: T0 + 1000 }),
    });
    expect(places(next.commands)).toHaveLength(1);
  });
});

describe("IOC", () => {
  it("sends one immediate-or-cancel child at the touch, then completes with what it got", () => {
    const order = orderOf("IOC", { side: "sell", targetQty: new Dec(2), endTime: null });
    const algo = algorithmFor(order);
    const init = algo.init(order, viewOf());
    const [child, ...rest] = places(init.commands);
    expect(rest).toEqual([]);
    expect(child).toMatchObject({ side: "sell", price: "90000", size: "2", tif: "IOC", kind: "limit" });
    const r = drive(order, init.state, [fill(child!.clientId, "1"), placement(child!.clientId, "canceled")]);
    expect(r.commands.at(-1)).toMatchObject({
      type: "complete",
      reason: expect.stringContaining("IOC done: filled 1 of 2 BTC; the rest was canceled."),
    });
  });
});
