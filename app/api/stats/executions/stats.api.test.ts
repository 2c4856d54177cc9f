import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import type { TExecutionStats } from "@/lib/contracts/stats";
import { GET as executionStats } from "./route";
import { GET as ordersWithStats } from "../../orders_with_stats/route";
import { T0, engineOnClock, now, submit, useClock } from "../../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const stats = (token: string, query = "") =>
  call<TExecutionStats>(executionStats, { token, path: `/api/stats/executions${query}` });

describe("[STATS] GET /api/stats/executions", () => {
  let alice: Awaited<ReturnType<typeof createTestUser>>;
  let bob: Awaited<ReturnType<typeof createTestUser>>;
  let completedAfter: number;
  beforeAll(async () => {
    alice = await createTestUser();
    bob = await createTestUser();
    const { run } = engineOnClock("stats");
    await submit(alice.token, { strategy: "Market", base_asset_qty: "0.05", duration: 60 }); // ~4.5k USDT
    // A short TWAP completes too, with the market's volume over its interval (Market orders have none).
    await submit(alice.token, { strategy: "TWAP", base_asset_qty: "0.2", duration: 60 }); // ~18k
    await run(75);
    completedAfter = now();
    await submit(alice.token, {
      strategy: "Market",
      pair: "ETH-USDT",
      side: "sell",
      base_asset_qty: "50",
      duration: 60,
    }); // ~160k
    await submit(alice.token, { strategy: "TWAP", duration: 3600 }); // still running: not counted
    await submit(bob.token, { strategy: "Market", base_asset_qty: "1", duration: 60 });
    await run(2);
  });

  it("groups the caller's completed orders by strategy, size bucket and pair, in decimal bps", async () => {
    const response = await stats(alice.token);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.orders).toBe(3);
    expect(body.overall).toMatchObject({ key: "all", orders: 3, with_arrival: 3, with_vwap: 1 });
    expect(body.by_strategy.map((group) => [group.key, group.orders, group.with_vwap])).toEqual([
      ["Market", 2, 0],
      ["TWAP", 1, 1],
    ]);
    expect(body.by_pair.map((group) => [group.key, group.orders])).toEqual([
      ["ETH-USDT", 1],
      ["BTC-USDT", 2],
    ]);
    // Five fixed buckets, always present, so the table never jumps.
    expect(
      body.by_size.map((group) => [group.key, group.orders, group.min_notional, group.max_notional]),
    ).toEqual([
      ["< 1k", 0, "0", "1000"],
      ["1k–10k", 1, "1000", "10000"],
      ["10k–100k", 1, "10000", "100000"],
      ["100k–1M", 1, "100000", "1000000"],
      ["≥ 1M", 0, "1000000", null],
    ]);
    for (const value of [body.overall.arrival_bps, body.overall.vwap_bps, body.overall.fee_bps])
      expect(value).toMatch(/^-?\d+\.\d{2}$/);
    // Market orders pay the taker fee (5 bps); the TWAP pays less, resting as maker some of the time.
    expect(body.by_strategy[0]!.fee_bps).toBe("5.00");
    expect(Number(body.by_strategy[1]!.fee_bps)).toBeLessThanOrEqual(5);
    expect(body.by_size[0]!.arrival_bps).toBeNull();
    const binned = body.distribution.bins.reduce((sum, bin) => sum + bin.count, 0);
    expect(binned).toBe(3);
    expect(body.distribution.benchmark).toBe("arrival");
  });

  it("agrees with each order's own statistics from GET /api/orders_with_stats/", async () => {
    const listed = await call(ordersWithStats, { token: alice.token, path: "/api/orders_with_stats/" });
    const eth = listed.body.orders.find((order: { pair: string }) => order.pair === "ETH-USDT");
    const onlyEth = (await stats(alice.token, "?pair=ETH-USDT")).body;
    expect(onlyEth.orders).toBe(1);
    expect(onlyEth.overall.arrival_bps).toBe(eth.stats.slippage_vs_arrival_bps);
    expect(onlyEth.overall.arrival_bps_median).toBe(eth.stats.slippage_vs_arrival_bps);
    expect(onlyEth.overall.vwap_bps).toBe(eth.stats.slippage_vs_vwap_bps);
    const twap = listed.body.orders.find(
      (order: { trajectory: string; status: string }) =>
        order.trajectory === "TWAP" && order.status === "COMPLETE",
    );
    const onlyTwap = (await stats(alice.token)).body.by_strategy.find((group) => group.key === "TWAP")!;
    expect(onlyTwap.vwap_bps).toBe(twap.stats.slippage_vs_vwap_bps);
    expect(onlyTwap.arrival_bps).toBe(twap.stats.slippage_vs_arrival_bps);
    expect(onlyEth.overall.notional).toBe(eth.executed_notional);

    // The overall mean weighs each order by its notional.
    const done = listed.body.orders.filter((order: { status: string }) => order.status === "COMPLETE");
    const weighted =
      done.reduce(
        (sum: number, o: { executed_notional: string; stats: { slippage_vs_arrival_bps: string } }) =>
          sum + Number(o.executed_notional) * Number(o.stats.slippage_vs_arrival_bps),
        0,
      ) /
      done.reduce((sum: number, o: { executed_notional: string }) => sum + Number(o.executed_notional), 0);
    expect(Number((await stats(alice.token)).body.overall.arrival_bps)).toBeCloseTo(weighted, 1);
  });

  it("filters by completion time and account, and never counts another user's orders", async () => {
    const late = (await stats(alice.token, `?from=${new Date(completedAfter).toISOString()}`)).body;
    expect(late.by_pair.map((group) => group.key)).toEqual(["ETH-USDT"]);
    const early = (await stats(alice.token, `?to=${new Date(completedAfter).toISOString()}`)).body;
    expect(early.orders).toBe(2);
    expect((await stats(alice.token, "?account_names=paper")).body.orders).toBe(3);

    const bobs = (await stats(bob.token)).body;
    expect(bobs.orders).toBe(1);
    expect(bobs.by_pair.map((group) => group.key)).toEqual(["BTC-USDT"]);

    const empty = await createTestUser();
    const nothing = (await stats(empty.token)).body;
    expect(nothing.orders).toBe(0);
    expect(nothing.overall.arrival_bps).toBeNull();
    expect(nothing.distribution).toEqual({ benchmark: "arrival", bin_width_bps: null, bins: [] });
    expect(nothing.by_size).toHaveLength(5);
  });

  it("answers again as asked, and an order completing later changes the answer", async () => {
    const carol = await createTestUser();
    const { run } = engineOnClock("stats-carol");
    await submit(carol.token, { strategy: "Market", base_asset_qty: "0.05", duration: 60 });
    await run(2);
    const first = (await stats(carol.token)).body;
    expect(first.orders).toBe(1);
    expect((await stats(carol.token)).body).toEqual(first);
    // A running order changes nothing; once it completes, it counts.
    await submit(carol.token, { strategy: "Market", pair: "ETH-USDT", base_asset_qty: "1", duration: 60 });
    expect((await stats(carol.token)).body).toEqual(first);
    await run(2);
    const second = (await stats(carol.token)).body;
    expect(second.orders).toBe(2);
    expect(second.by_pair.map((group) => group.key).sort()).toEqual(["BTC-USDT", "ETH-USDT"]);
    // Another filter is another answer.
    expect((await stats(carol.token, "?pair=ETH-USDT")).body.orders).toBe(1);
  });

  it("refuses bad filters with 400s naming the field", async () => {
    const cases: [string, string][] = [
      ["?from=soon", "from: must be an ISO 8601 time"],
      ["?pair=BTCUSDT", "pair: must be BASE-QUOTE, e.g. BTC-USDT"],
      [`?from=${new Date(T0).toISOString()}&to=2020-01-01`, "to: must not be before from"],
    ];
    for (const [query, message] of cases) {
      const response = await call(executionStats, {
        token: alice.token,
        path: `/api/stats/executions${query}`,
      });
      expect([response.status, response.body.errors]).toEqual([400, [message]]);
    }
    const unknown = await call(executionStats, {
      token: alice.token,
      path: "/api/stats/executions?account_names=nope",
    });
    expect([unknown.status, unknown.body.error]).toEqual([
      400,
      "Account display name 'nope' not found for user",
    ]);
    expect((await call(executionStats, { path: "/api/stats/executions" })).status).toBe(401);
  });
});
