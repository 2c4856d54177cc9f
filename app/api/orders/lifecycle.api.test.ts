import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { GET as getOrder, DELETE as cancelOrder } from "../order/[id]/route";
import { POST as pauseOrder } from "../pause_order/route";
import { POST as resumeOrder } from "../resume_order/route";
import { POST as amendOrder } from "../amend_order/route";
import { GET as ordersWithStats } from "../orders_with_stats/route";
import { GET as activeOrders } from "../active_orders/route";
import { GET as orderErrors } from "../order_errors/route";
import { GET as balances } from "../balances/route";
import { engineOnClock, now, submit, useClock } from "../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const read = async (token: string, id: string) =>
  (await call(getOrder, { token, params: { id }, path: `/api/order/${id}?include_fills=true` })).body;
const post = (route: typeof pauseOrder, token: string, body: unknown) =>
  call(route, { method: "POST", token, body });
const statsOf = async (token: string, id: string) => {
  const page = await call(ordersWithStats, { token, path: "/api/orders_with_stats/?page=1&page_size=100" });
  expect(page.status).toBe(200);
  return page.body.orders.find((order: { id: string }) => order.id === id);
};

describe("[CORE] an order's life through the Core Order API alone", () => {
  it("a TWAP fills over time, pauses, is amended, resumes and completes with its statistics", async () => {
    const { token } = await createTestUser();
    const usdtBefore = (await call(balances, { token })).body.paper.assets.find(
      (a: { symbol: string }) => a.symbol === "USDT",
    ).size;
    const order = await submit(token, { base_asset_qty: "0.1", duration: 120, engine_passiveness: 0.1 });
    expect(order.status).toBe("ACTIVE");
    const { run } = engineOnClock("lifecycle");

    await run(20);
    const early = await read(token, order.id);
    expect(early.executed_qty).toBeGreaterThan(0);
    await run(20);
    const later = await read(token, order.id);
    expect(later.executed_qty).toBeGreaterThan(early.executed_qty);
    expect(later.target_remaining_qty).toBeCloseTo(0.1 - later.executed_qty, 12);
    expect(Number(later.pct_filled)).toBeGreaterThan(Number(early.pct_filled));

    expect((await post(pauseOrder, token, { order_id: order.id })).status).toBe(202);
    await run(5);
    const paused = await read(token, order.id);
    expect(paused.status).toBe("PAUSED");
    expect(paused.placement_live_qty).toBe(0);
    await run(10);
    expect((await read(token, order.id)).executed_qty).toBe(paused.executed_qty);

    const amended = await post(amendOrder, token, {
      order_id: order.id,
      changes: { base_asset_qty: "0.12", duration: 150 },
    });
    expect([amended.status, amended.body]).toEqual([202, { message: "Successfully amended order." }]);
    expect(await read(token, order.id)).toMatchObject({
      target_order_qty: 0.12,
      duration: 150,
      status: "PAUSED",
    });

    expect((await post(resumeOrder, token, { order_id: order.id })).status).toBe(202);
    let done = await read(token, order.id);
    for (let i = 0; i < 30 && done.status !== "COMPLETE"; i++) {
      await run(5, 2000);
      done = await read(token, order.id);
    }
    expect(done).toMatchObject({
      status: "COMPLETE",
      active: false,
      executed_qty: 0.12,
      pct_filled: "100.00",
    });
    const filled = done.fills.reduce(
      (sum: number, fill: { executed_qty: string }) => sum + Number(fill.executed_qty),
      0,
    );
    expect(filled).toBeCloseTo(0.12, 12);

    const stats = await statsOf(token, order.id);
    expect(stats).toMatchObject({
      id: order.id,
      status: "COMPLETE",
      target_token: "BTC",
      order_qty: "0.12",
      remaining_qty: "0",
      executed_qty: "0.12",
      trajectory: "TWAP",
      market_type: "SPOT",
      exchange_names: ["sim"],
      account_names: ["paper"],
    });
    expect(stats.stats.order_id).toBe(order.id);
    for (const key of [
      "interval_volume",
      "vwap",
      "arrival_price",
      "departure_price",
      "average_executed_price",
    ]) {
      expect(Number(stats.stats[key])).toBeGreaterThan(0);
    }
    expect(stats.stats.slippage_vs_arrival_bps).toMatch(/^-?\d+\.\d{2}$/);
    expect(stats.fills).toHaveLength(done.fills.length);
    expect(stats.fills[0]).toEqual({
      ...done.fills[0],
      role: done.fills[0].role === "MAKE" ? "maker" : "taker",
    });

    const active = await call(activeOrders, { token });
    expect(active.body.orders.map((o: { id: string }) => o.id)).not.toContain(order.id);
    const log = (await call(orderErrors, { token, path: `/api/order_errors/?order_ids=${order.id}` })).body[
      order.id
    ];
    expect(log[0].message).toMatch(/^Order complete/);
    expect(log.map((m: { message: string }) => m.message)).toContain("Order resumed.");

    // The paper account paid for it: USDT went down by the notional and the fees.
    const usdtAfter = (await call(balances, { token })).body.paper.assets.find(
      (a: { symbol: string }) => a.symbol === "USDT",
    ).size;
    expect(usdtBefore - usdtAfter).toBeCloseTo(done.executed_notional + done.total_fee, 6);
  });

  it("a canceled TWAP stops filling and ends CANCELED with no live placement", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { base_asset_qty: "0.1", duration: 300 });
    const { run } = engineOnClock("lifecycle-cancel");
    await run(30);
    const canceled = await call(cancelOrder, { method: "DELETE", token, params: { id: order.id } });
    expect(canceled.body).toBe("Order canceled!");
    await run(3);
    const after = await read(token, order.id);
    expect(after).toMatchObject({ status: "CANCELED", active: false, placement_live_qty: 0 });
    expect(after.executed_qty).toBeGreaterThan(0);
    expect(after.executed_qty).toBeLessThan(0.1);
    expect(after.departure_price).not.toBeNull();
    await run(10);
    expect((await read(token, order.id)).executed_qty).toBe(after.executed_qty);
    const stats = await statsOf(token, order.id);
    expect(stats).toMatchObject({ status: "CANCELED", executed_qty: String(after.executed_qty) });
    expect(now()).toBeGreaterThan(0);
  });
});
