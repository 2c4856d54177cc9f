import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { GET as activeOrders } from "./route";
import { GET as ordersWithStats } from "../orders_with_stats/route";
import { POST as pauseOrder } from "../pause_order/route";
import { DELETE as cancelOrder } from "../order/[id]/route";
import { T0, engineOnClock, submit, useClock } from "../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const active = (token: string, query = "") =>
  call(activeOrders, { token, path: `/api/active_orders/${query}` });
const ids = (body: { orders: { id: string }[] }) => body.orders.map((order) => order.id).sort();

describe("[CORE] GET /api/active_orders/", () => {
  it("lists unfinished orders with their fills; paused ones only on request; executing ones only with only_active", async () => {
    const { token } = await createTestUser();
    const running = await submit(token, { strategy: "TWAP", duration: 300, custom_order_id: "running" });
    const paused = await submit(token, { duration: 300 });
    const scheduled = await submit(token, { start_datetime: new Date(T0 + 3_600_000).toISOString() });
    const done = await submit(token, { strategy: "Market", base_asset_qty: "0.001", duration: 60 });
    const canceled = await submit(token);
    await call(cancelOrder, { method: "DELETE", token, params: { id: canceled.id } });
    await engineOnClock("active-orders").run(20);
    await call(pauseOrder, { method: "POST", token, body: { order_id: paused.id } });

    const byDefault = await active(token);
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.order_count).toBe(2);
    expect(ids(byDefault.body)).toEqual([running.id, scheduled.id].sort());
    const withPaused = await active(token, "?exclude_paused=false");
    expect(ids(withPaused.body)).toEqual([running.id, paused.id, scheduled.id].sort());
    const onlyActive = await active(token, "?exclude_paused=False&only_active=True");
    expect(ids(onlyActive.body)).toEqual([running.id]);
    expect(ids(onlyActive.body)).not.toContain(done.id);

    const order = byDefault.body.orders.find((o: { id: string }) => o.id === running.id);
    expect(order).toMatchObject({
      custom_order_id: "running",
      status: "ACTIVE",
      pair: "BTC-USDT",
      buy_token: "BTC",
      buy_token_amount: "0.1",
      sell_token_amount: null,
      strategy: "TWAP",
      engine_passiveness: 0.02,
      schedule_discretion: 0.06,
      alpha_tilt: 0,
      target_order_qty: 0.1,
      pos_side: null,
    });
    expect(order.executed_qty).toBeGreaterThan(0);
    expect(order.pct_filled).toBeGreaterThan(0);
    expect(order.fills.length).toBeGreaterThan(0);
    const fill = order.fills[0];
    expect(fill).toMatchObject({
      order_id: running.id,
      exchange: "sim",
      pair: "BTC-USDT",
      side: "buy",
      fee_currency: "USDT",
    });
    for (const key of ["quantity", "price", "fee"]) expect(typeof fill[key]).toBe("string");
  });

  it("answers the seed's example request with the documented account error, and bad flags with a 400", async () => {
    const { token } = await createTestUser();
    const seed = await active(
      token,
      "?exclude_paused=true&account_names=binance_main,coinbase_pro&only_active=false",
    );
    expect([seed.status, seed.body]).toEqual([
      400,
      { error: "Account display name 'binance_main' not found for user" },
    ]);
    const adapted = await active(token, "?exclude_paused=true&account_names=paper&only_active=false");
    expect(adapted.body).toEqual({ orders: [], order_count: 0 });
    const badFlag = await active(token, "?only_active=perhaps");
    expect([badFlag.status, badFlag.body]).toEqual([400, { error: "only_active must be true or false" }]);
  });

  it("never lists another user's orders", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    await submit(alice.token);
    expect((await active(bob.token)).body).toEqual({ orders: [], order_count: 0 });
    expect((await active(alice.token)).body.order_count).toBe(1);
  });
});

describe("[CORE] GET /api/orders_with_stats/", () => {
  it("pages the caller's orders with statistics; page_size over 1000 and bad auth are the documented errors", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const order = await submit(alice.token);
    const seed = await call(ordersWithStats, {
      token: alice.token,
      path: "/api/orders_with_stats/?page=1&page_size=100",
    });
    expect(seed.status).toBe(200);
    expect(seed.body).toMatchObject({ page_number: 1, page_size: 100, num_pages: 1, order_count: 1 });
    expect(seed.body.orders[0]).toMatchObject({
      id: order.id,
      status: "ACTIVE",
      order_qty: "0.1",
      remaining_qty: "0.1",
      executed_qty: "0",
      executed_notional: "0",
      schedule_discretion: "0.06",
      engine_passiveness: "0.02",
      alpha_tilt: "0",
      strategy: null,
      trajectory: "TWAP",
      participation_rate_target_percent: null,
      market_type: "SPOT",
      parent_order_id: null,
      fills: [],
    });
    expect(seed.body.orders[0].stats).toMatchObject({
      order_id: order.id,
      interval_volume: null,
      vwap: null,
      departure_price: null,
      average_executed_price: null,
      slippage_vs_arrival_bps: null,
    });
    expect(seed.body.orders[0].stats.stat_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const byDefault = await call(ordersWithStats, { token: alice.token });
    expect(byDefault.body.page_size).toBe(500);
    expect((await call(ordersWithStats, { token: bob.token })).body).toMatchObject({
      orders: [],
      order_count: 0,
    });

    const huge = await call(ordersWithStats, {
      token: alice.token,
      path: "/api/orders_with_stats/?page_size=1001",
    });
    expect([huge.status, huge.body]).toEqual([400, { error: "page_size cannot be greater than 1000" }]);
    const anonymous = await call(ordersWithStats, {});
    expect([anonymous.status, anonymous.body]).toEqual([401, { error: "Unauthorized" }]);
    const badToken = await call(ordersWithStats, { token: "trn_unknown" });
    expect([badToken.status, badToken.body]).toEqual([401, { error: "Unauthorized" }]);
  });
});
