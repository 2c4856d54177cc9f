import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { db } from "@/lib/server/db";
import { POST as submitOrder } from "./route";
import { POST as amendOrder } from "../amend_order/route";
import { POST as placeTrade } from "@/app/trading/orders/route";
import { POST as createGatewayOrder } from "@/app/v1/gateway/orders/route";
import { POST as gatewayQuote } from "@/app/v1/gateway/quotes/route";
import { T0, setClock, submit, twapBody, useClock } from "../core-test-kit";

// Security finding 1: "1e100000000" parsed in ~2 ms, and a later toFixed() of it ran for more than
// 30 s above 2 GB, freezing the process the engine shares. Each surface must refuse such values at
// once, in its own dialect, and create nothing. Values that parse but do not fit NUMERIC(38, 18)
// (or NUMERIC(10, 6) for fractions) are refused too, rather than rounded or overflowed by the database.

beforeAll(() => useClock());
beforeEach(() => setClock(T0));
afterAll(() => vi.useRealTimers());

const HUGE = "1e100000000";
const TINY = "1e-100000000";

async function orderCount(userId: string) {
  return (await db()).order.count({ where: { userId } });
}

describe("[SECURITY] decimals beyond what the columns hold", () => {
  it("Core Order API: submit refuses huge exponents, overflow and extra decimal places with field errors, and creates nothing", async () => {
    const { token, user } = await createTestUser();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ limit_price: HUGE }, ["Limit price must be a positive number"]],
      [{ engine_passiveness: TINY }, ["engine_passiveness: must be a number"]],
      [{ base_asset_qty: HUGE }, ["base_asset_qty: must be a decimal number"]],
      [{ base_asset_qty: "1e30" }, ["base_asset_qty: must be less than 1e20 in absolute value"]],
      [{ base_asset_qty: "0.0000000000000000001" }, ["base_asset_qty: must have at most 18 decimal places"]],
      [{ limit_price: "123456789012345678901" }, ["limit_price: must be less than 1e20 in absolute value"]],
      [{ alpha_tilt: "0.0000001" }, ["alpha_tilt: must have at most 6 decimal places"]],
      [{ base_asset_qty: "1".repeat(101) }, ["base_asset_qty: must be a decimal number"]],
      [
        { strategy: "Iceberg", strategy_params: { max_clip_size: "1e25" } },
        ["strategy_params.max_clip_size: must be less than 1e20 in absolute value"],
      ],
    ];
    for (const [overrides, errors] of cases) {
      const response = await call(submitOrder, { method: "POST", token, body: twapBody(overrides) });
      expect({ overrides, status: response.status, body: response.body }).toEqual({
        overrides,
        status: 400,
        body: { errors },
      });
    }
    expect(await orderCount(user.id)).toBe(0);
  });

  it("Core Order API: amend refuses them and leaves the order as it was", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { limit_price: "90000" });
    for (const changes of [{ limit_price: HUGE }, { base_asset_qty: HUGE }, { base_asset_qty: "1e21" }]) {
      const response = await call(amendOrder, {
        method: "POST",
        token,
        body: { order_id: order.id, changes },
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(/must be a positive number|must be less than 1e20/);
    }
    const stored = await (await db()).order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.limitPrice?.toString()).toBe("90000");
    expect(stored.targetQty.toString()).toBe("0.1");
  });

  it("Trading API: a huge amount or price is FastAPI's 422, never a hang", async () => {
    const user = await createTestUser();
    const headers = {
      authorization: `Basic ${Buffer.from(`${user.email}:${user.token}`).toString("base64")}`,
    };
    const body = (extra: Record<string, unknown>) => ({
      account_name: "paper",
      connector_name: "sim",
      trading_pair: "BTC-USDT",
      trade_type: "BUY",
      amount: 1,
      order_type: "LIMIT",
      price: 123,
      ...extra,
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: HUGE }, "amount", "Input should be a valid decimal"],
      [{ price: HUGE }, "price", "Input should be a valid decimal"],
      [
        { amount: "1e25" },
        "amount",
        "Decimal input should have no more than 20 digits before the decimal point",
      ],
      [
        { price: "0.0000000000000000001" },
        "price",
        "Decimal input should have no more than 18 decimal places",
      ],
    ];
    for (const [extra, field, msg] of cases) {
      const response = await call(placeTrade, { method: "POST", headers, body: body(extra) });
      expect(response.status).toBe(422);
      expect(response.body.detail[0]).toMatchObject({ loc: ["body", field], msg });
    }
    expect(await orderCount(user.user.id)).toBe(0);
  });

  it("Gateway: a quote or an order for more than the columns hold is a 400 with a message", async () => {
    const { token, user } = await createTestUser();
    const headers = { authorization: `Bearer ${token}` };
    const quote = await call(gatewayQuote, {
      method: "POST",
      headers,
      body: { base_asset: "BTC", quote_asset: "USDT", qty: "1".repeat(25), qty_unit: "base", side: "buy" },
    });
    expect(quote.status).toBe(400);
    expect(quote.body).toEqual({ message: "qty: qty must be less than 1e20 in absolute value" });
    const order = await call(createGatewayOrder, {
      method: "POST",
      headers,
      body: {
        base_asset: "BTC",
        quote_asset: "USDT",
        type: "limit",
        side: "buy",
        qty_unit: "base",
        qty: "1",
        price: "0.0000000000000000001",
      },
    });
    expect(order.status).toBe(400);
    expect(order.body).toEqual({ message: "price: price must have at most 18 decimal places" });
    expect(await orderCount(user.id)).toBe(0);
  });
});
