import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { DELETE as cancelOrder, GET as getOrder } from "./[id]/route";
import { DELETE as cancelNoId, GET as getNoId } from "./route";
import { GET as getSummary } from "../order_summary/[id]/route";
import { GET as getSummaryNoId } from "../order_summary/route";
import { getOrder as getOrderService } from "@/lib/server/services/orders/get-order";
import type * as GetOrderModule from "@/lib/server/services/orders/get-order";
import { T0, engineOnClock, submit, useClock } from "../core-test-kit";

// The real service, wrapped so a test can make it fail unexpectedly (a database outage).
vi.mock("@/lib/server/services/orders/get-order", async (original) => {
  const actual = await original<typeof GetOrderModule>();
  return { ...actual, getOrder: vi.fn(actual.getOrder) };
});

const MISSING = "6debb950-614a-4366-b73b-7d7574fd9e15";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const detail = (token: string, id: string, query = "") =>
  call(getOrder, { token, params: { id }, path: `/api/order/${id}${query}` });
const summary = (token: string, id: string) =>
  call(getSummary, { token, params: { id }, path: `/api/order_summary/${id}` });
const cancel = (token: string, id: string) =>
  call(cancelOrder, { method: "DELETE", token, params: { id }, path: `/api/order/${id}` });

describe("[CORE] GET /api/order/{id} and /api/order_summary/{id}", () => {
  it("shows a filled market order with its placements and their fills, its log, and its fills on request", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { strategy: "Market", base_asset_qty: "0.02", duration: 60 });
    await engineOnClock("order-detail").run(2);

    const withoutFills = await detail(token, order.id);
    expect(withoutFills.status).toBe(200);
    expect(withoutFills.body.fills).toBeUndefined();
    const { body } = await detail(token, order.id, "?include_fills=true");
    expect(body).toMatchObject({
      id: order.id,
      status: "COMPLETE",
      active: false,
      is_simple: true,
      strategy: "Market",
      trajectory: "Market",
      executed_qty: 0.02,
      target_remaining_qty: 0,
      remaining_qty: 0,
      pct_filled: "100.00",
      fee_asset: "USDT",
      placement_live_qty: 0,
      market_type: "spot",
      exchange_names: ["sim"],
    });
    expect(body.placements.length).toBeGreaterThan(0);
    const placement = body.placements[0];
    expect(placement).toMatchObject({
      order: order.id,
      placement_type: "TAKE",
      exchange: "sim",
      status: "COMPLETE",
      filled: true,
      is_simple: true,
      contract_value: "1",
    });
    expect(typeof placement.qty).toBe("string");
    const placementFill = placement.fills[0];
    expect(placementFill.role).toBe("TAKE");
    expect(typeof placementFill.executed_price).toBe("number");
    // Top-level fills: decimals as strings, one per venue fill, adding up to the order.
    expect(body.fills.length).toBe(body.placements.flatMap((p: { fills: unknown[] }) => p.fills).length);
    expect(body.fills[0]).toEqual({
      placement_id: placement.id,
      exchange: "sim",
      role: "TAKE",
      executed_price: String(placementFill.executed_price),
      executed_qty: String(placementFill.executed_qty),
      executed_notional: String(placementFill.executed_notional),
      fee: String(placementFill.fee),
      fee_asset: "USDT",
      fill_time: placementFill.fill_time,
    });
    const filled = body.fills.reduce(
      (sum: number, f: { executed_qty: string }) => sum + Number(f.executed_qty),
      0,
    );
    expect(filled).toBeCloseTo(0.02, 10);
    expect(Number(body.average_executed_price)).toBeGreaterThan(0);
    expect(body.departure_price).not.toBeNull();
    // The log, newest first: the engine's completion after the submission.
    expect(body.messages.at(-1)).toEqual({
      message: "Order submitted via core: buy 0.02 BTC BTC-USDT with Market.",
      message_type: "INFO",
      created_at: new Date(T0).toISOString(),
    });
    expect(body.messages[0].message).toMatch(/^Order complete/);
    // No engine or database internals.
    for (const key of [
      "version",
      "algoState",
      "leaseOwner",
      "qtyField",
      "workerId",
      "queueAhead",
      "userId",
    ]) {
      expect(JSON.stringify(body)).not.toContain(`"${key}"`);
    }

    const brief = await summary(token, order.id);
    expect(brief.status).toBe(200);
    expect(brief.body).toEqual({
      id: order.id,
      pair: "BTC-USDT",
      side: "buy",
      status: "COMPLETE",
      start_datetime: new Date(T0).toISOString(),
      duration: 60,
      target_token: "BTC",
      order_qty: 0.02,
      remaining_qty: 0,
      executed_qty: 0.02,
      executed_notional: body.executed_notional,
      exchange_names: ["sim"],
      account_names: ["paper"],
      schedule_discretion: 0.06,
      engine_passiveness: 0.02,
      alpha_tilt: 0,
      strategy: null,
      trajectory: "Market",
      strategy_params: body.strategy_params,
      participation_rate_target_percent: null,
      market_type: "spot",
      parent_order_id: null,
      failure_reason: "",
      limit_price: "",
    });
  });

  it("shows a POV order's participation target as a percentage", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { strategy: "VWAP", duration: 300, pov_target: "0.08" });
    const brief = await summary(token, order.id);
    expect(brief.body).toMatchObject({ trajectory: "VWAP", participation_rate_target_percent: 8 });
  });

  it("answers the seed's example ids, bad ids and missing ids with its bare strings", async () => {
    const { token } = await createTestUser();
    const cases: [Awaited<ReturnType<typeof call>>, number, string][] = [
      [await detail(token, MISSING, "?include_fills=true"), 404, "No order found with given ID!"],
      [await summary(token, "45a18223-aeab-4451-9253-c3135261d55b"), 404, "No order found with given ID!"],
      [await cancel(token, MISSING), 404, "No order found with given ID!"],
      [await detail(token, "not-a-uuid"), 400, "Invalid order ID format"],
      [await summary(token, "45a18223-aeab-4451-9253"), 400, "Invalid order ID format"],
      [await cancel(token, "7fecb061-725b-5477-c84c-8e8685ge0f26"), 400, "Invalid order ID format"],
      [await call(getNoId, { token, path: "/api/order/" }), 400, "No order ID given!"],
      [await call(cancelNoId, { method: "DELETE", token, path: "/api/order/" }), 400, "No order ID given!"],
      [await call(getSummaryNoId, { token, path: "/api/order_summary/" }), 400, "No order ID given!"],
    ];
    for (const [response, status, body] of cases)
      expect([response.status, response.body]).toEqual([status, body]);
    const order = await submit(token);
    const badFlag = await detail(token, order.id, "?include_fills=maybe");
    expect([badFlag.status, badFlag.body]).toEqual([400, "include_fills must be true or false"]);
    const anonymous = await call(getOrder, { params: { id: order.id } });
    expect([anonymous.status, anonymous.body]).toEqual([
      401,
      { detail: "Authentication credentials were not provided." },
    ]);
  });
});

describe("[CORE] DELETE /api/order/{id}", () => {
  it("cancels once, then answers already canceled, before and after the engine confirms", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { duration: 600 });
    const { run } = engineOnClock("order-cancel");
    await run(5);
    const first = await cancel(token, order.id);
    expect([first.status, first.body]).toEqual([200, "Order canceled!"]);
    expect((await detail(token, order.id)).body).toMatchObject({ status: "CANCELED", active: false });
    const again = await cancel(token, order.id);
    expect([again.status, again.body]).toEqual([200, "Order already canceled!"]);
    await run(2);
    const confirmed = await detail(token, order.id);
    expect(confirmed.body.status).toBe("CANCELED");
    expect(confirmed.body.placements.every((p: { status: string }) => p.status !== "ACTIVE")).toBe(true);
    expect((await cancel(token, order.id)).body).toBe("Order already canceled!");
  });

  it("cancels a scheduled order at once, and refuses a complete one with the documented 422", async () => {
    const { token } = await createTestUser();
    const scheduled = await submit(token, { start_datetime: new Date(T0 + 3_600_000).toISOString() });
    expect((await cancel(token, scheduled.id)).body).toBe("Order canceled!");
    expect((await detail(token, scheduled.id)).body.status).toBe("CANCELED");

    const market = await submit(token, { strategy: "Market", base_asset_qty: "0.001", duration: 60 });
    await engineOnClock("order-cancel-complete").run(2);
    const refused = await cancel(token, market.id);
    expect([refused.status, refused.body]).toEqual([
      422,
      { error: "Order is in a state that cannot be canceled" },
    ]);
  });

  it("never reads or cancels another user's order: the same 404 as a missing one", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const order = await submit(alice.token);
    for (const response of [
      await detail(bob.token, order.id),
      await summary(bob.token, order.id),
      await cancel(bob.token, order.id),
    ]) {
      expect([response.status, response.body]).toEqual([404, "No order found with given ID!"]);
    }
    expect((await detail(alice.token, order.id)).body.status).toBe("ACTIVE");
  });
});

describe("[CORE] unexpected failures", () => {
  it("answer each endpoint's documented 500 body, with the request id in the header and the log", async () => {
    const { token } = await createTestUser();
    const order = await submit(token);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const outage = async (): Promise<never> => {
      throw new Error("connection refused");
    };
    vi.mocked(getOrderService).mockImplementationOnce(outage).mockImplementationOnce(outage);
    const detailed = await detail(token, order.id);
    expect([detailed.status, detailed.body]).toEqual([500, { message: "Something went wrong" }]);
    const brief = await summary(token, order.id);
    expect([brief.status, brief.body]).toEqual([500, { error: "Something went wrong" }]);
    const requestId = detailed.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged.mock.calls.some((args) => String(args[0]).includes(requestId!))).toBe(true);
    logged.mockRestore();
    expect((await detail(token, order.id)).status).toBe(200);
  });
});
