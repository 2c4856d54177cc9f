import { describe, expect, it } from "vitest";
import { Engine } from "@/lib/server/engine/engine";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { GET as listRoute, POST as createRoute } from "./route";
import { DELETE as cancelRoute, GET as getRoute } from "./[id]/route";
import { balancesOf, bearer, createOrder } from "../gateway-test-kit";

async function tickUntilDone(orderIds: string[], token: string, seconds = 20) {
  const engine = new Engine({ workerId: `gateway-test-${Math.random()}` });
  const start = Date.now();
  for (let i = 0; i < seconds; i++) {
    await engine.tick(start + i * 1000);
    const orders = await Promise.all(
      orderIds.map((id) => call(getRoute, { headers: bearer(token), params: { id } })),
    );
    if (orders.every((o) => ["complete", "failed", "canceled"].includes(o.body.status)))
      return orders.map((o) => o.body);
  }
  throw new Error("orders did not finish");
}

describe("[GATEWAY] CeFi orders on the paper account, worked by the engine", () => {
  it("a market buy sized in quote and a market sell sized in base complete, and show in GET /orders", async () => {
    const { token } = await createTestUser();
    const before = await balancesOf(token, "cefi");
    const buy = await createOrder(token, {
      base_asset: "BTC",
      quote_asset: "USDC",
      qty: "5000",
      qty_unit: "quote",
      type: "market",
      side: "buy",
    });
    const sell = await createOrder(token, {
      base_asset: "ETH",
      quote_asset: "USDT",
      qty: "2",
      qty_unit: "base",
      type: "market",
      side: "sell",
    });
    expect(buy.status).toBe(201);
    // A market order the engine is still filling is submitted, not yet confirmed: pending.
    expect(buy.body).toEqual({ order_id: expect.any(String), status: "pending" });
    expect(sell.body).toEqual({ order_id: expect.any(String), status: "pending" });

    const [bought, sold] = await tickUntilDone([buy.body.order_id, sell.body.order_id], token);
    expect(bought).toMatchObject({
      status: "complete",
      base_asset: "BTC",
      quote_asset: "USDT", // the paper account settles in USDT; USDC in a CeFi request is its alias
      side: "buy",
      type: "market",
      strategy: "Market",
      qty: "5000",
      qty_unit: "quote",
      price: null,
      chain: null,
      payloads: [],
      tx_hashes: [],
      fee_asset: "USDT",
    });
    // 5,000 USDT of BTC, to within the engine's rounding of sizes to the venue's lot step.
    expect(Math.abs(Number(bought!.executed_quote_qty) - 5000)).toBeLessThan(5);
    expect(bought!.fills.length).toBeGreaterThan(0);
    expect(sold).toMatchObject({
      status: "complete",
      base_asset: "ETH",
      side: "sell",
      qty: "2",
      qty_unit: "base",
    });
    expect(sold!.executed_qty).toBe("2");

    const after = await balancesOf(token, "cefi");
    expect(Number(after.ETH) - Number(before.ETH)).toBeCloseTo(-2, 8);
    expect(Number(after.BTC) - Number(before.BTC)).toBeCloseTo(Number(bought!.executed_qty), 8);

    const complete = await call(listRoute, {
      headers: bearer(token),
      path: "/v1/gateway/orders?status=complete",
    });
    expect(complete.status).toBe(200);
    expect(complete.body.data.map((o: { order_id: string }) => o.order_id).sort()).toEqual(
      [buy.body.order_id, sell.body.order_id].sort(),
    );
    const working = await call(listRoute, {
      headers: bearer(token),
      path: "/v1/gateway/orders?status=pending,active",
    });
    expect(working.body).toEqual({ data: [], pagination: { next_cursor: null } });
  });

  it("a limit order rests (active) until canceled; DELETE answers 409 once it is finished", async () => {
    const { token } = await createTestUser();
    const created = await createOrder(token, {
      base_asset: "ETH",
      quote_asset: "USDC",
      qty: "1",
      price: "100",
      qty_unit: "base",
      type: "limit",
      side: "buy",
    });
    expect(created.body).toEqual({ order_id: expect.any(String), status: "active" });
    const id = created.body.order_id as string;
    const engine = new Engine({ workerId: "gateway-limit" });
    await engine.tick(Date.now());
    const resting = await call(getRoute, { headers: bearer(token), params: { id } });
    expect(resting.body).toMatchObject({ status: "active", type: "limit", price: "100", executed_qty: "0" });
    const listed = await call(listRoute, {
      headers: bearer(token),
      path: "/v1/gateway/orders?status=active",
    });
    expect(listed.body.data.map((o: { order_id: string }) => o.order_id)).toEqual([id]);

    const canceled = await call(cancelRoute, { method: "DELETE", headers: bearer(token), params: { id } });
    expect(canceled.status).toBe(200);
    expect(canceled.body).toEqual({ order_id: id, status: "cancel_pending" });
    await engine.tick(Date.now() + 1000);
    expect((await call(getRoute, { headers: bearer(token), params: { id } })).body.status).toBe("canceled");

    const again = await call(cancelRoute, { method: "DELETE", headers: bearer(token), params: { id } });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      message: `Only pending or active orders can be canceled; order ${id} is canceled.`,
    });
  });

  it("pages with a cursor that returns each order once while new orders arrive", async () => {
    const { token } = await createTestUser();
    const limitBuy = (price: string) => ({
      base_asset: "SOL",
      quote_asset: "USDT",
      qty: "1",
      price,
      qty_unit: "base",
      type: "limit",
      side: "buy",
    });
    const first: string[] = [];
    for (let i = 0; i < 5; i++) first.push((await createOrder(token, limitBuy(`${10 + i}`))).body.order_id);

    const seen: string[] = [];
    let page = await call(listRoute, { headers: bearer(token), path: "/v1/gateway/orders?limit=2" });
    seen.push(...page.body.data.map((o: { order_id: string }) => o.order_id));
    // New orders arrive between pages: they are newer than the cursor, so they never appear below it.
    const later: string[] = [];
    for (let i = 0; i < 3; i++) later.push((await createOrder(token, limitBuy(`${20 + i}`))).body.order_id);
    while (page.body.pagination.next_cursor) {
      page = await call(listRoute, {
        headers: bearer(token),
        path: `/v1/gateway/orders?limit=2&cursor=${encodeURIComponent(page.body.pagination.next_cursor)}`,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((o: { order_id: string }) => o.order_id));
    }
    expect(seen).toEqual([...first].reverse());
    expect(seen.some((id) => later.includes(id))).toBe(false);

    const bad = await call(listRoute, { headers: bearer(token), path: "/v1/gateway/orders?cursor=garbage" });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      message: "cursor is malformed: pass back pagination.next_cursor as it was given.",
    });
    const badStatus = await call(listRoute, {
      headers: bearer(token),
      path: "/v1/gateway/orders?status=open",
    });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message).toBe(
      'status: unknown status "open" (expected initialized, pending, active, cancel_pending, complete, canceled, failed)',
    );
  });

  it.each([
    [{ type: "market", side: "buy", qty_unit: "base" }, "qty_unit: a market buy is sized in quote"],
    [
      { type: "market", side: "buy", qty_unit: "quote", price: "3000" },
      "price: a market order sends no price",
    ],
    [{ type: "limit", side: "buy", qty_unit: "base" }, "price: a limit order needs a price"],
    [
      { type: "limit", side: "sell", qty_unit: "quote", price: "3000" },
      "qty_unit: a limit order is sized in base",
    ],
    [
      { type: "limit", side: "buy", qty_unit: "base", price: "3000", chain: "local" },
      "chain: a limit order is CeFi only (send no chain)",
    ],
    [
      { type: "market", side: "sell", qty_unit: "quote", chain: "local" },
      "qty_unit: a DeFi sell is sized in base",
    ],
    [
      { type: "market", side: "buy", qty_unit: "quote", slippage_bps: 10 },
      "slippage_bps: slippage_bps applies to DeFi orders only",
    ],
    [
      { type: "market", side: "buy", qty_unit: "quote", qty: 1000 },
      'qty: qty must be a decimal string (e.g. "1000.5")',
    ],
    [
      { type: "market", side: "buy", qty_unit: "quote", qty: "-5" },
      'qty: qty must be a positive decimal string (e.g. "1000.5")',
    ],
    [{ type: "stop", side: "buy", qty_unit: "quote" }, 'type: type must be "market" or "limit"'],
    [
      { type: "market", side: "buy", qty_unit: "quote", chain: "mainnet" },
      'Unknown chain "mainnet" (known: local).',
    ],
    [
      { type: "market", side: "buy", qty_unit: "quote", base_asset: "DOGE" },
      "DOGE/USDC is not traded on the CeFi venue (traded: BTC/USDT (or BTC/USDC), ETH/USDT (or ETH/USDC), SOL/USDT (or SOL/USDC)).",
    ],
    [
      { type: "market", side: "buy", qty_unit: "quote", quote_asset: "ETH", chain: "local" },
      "ETH/ETH has no pool on the local chain (pools: ETH/USDC, BTC/USDC, SOL/USDC).",
    ],
    [{ type: "market", side: "buy", qty_unit: "quote", extra: 1 }, 'Unrecognized key: "extra"'],
  ])("refuses %j: 400 %s", async (change, message) => {
    const { token } = await createTestUser();
    const body = { base_asset: "ETH", quote_asset: "USDC", qty: "1000", ...change };
    const result = await call(createRoute, { method: "POST", headers: bearer(token), body });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ message });
    const none = await call(listRoute, { headers: bearer(token) });
    expect(none.body.data).toEqual([]);
  });

  it("authenticates: 401 without or with a bad token, 403 without the scope, in the Gateway's words", async () => {
    const { token: readOnly } = await createTestUser({ scopes: ["read"] });
    const body = {
      base_asset: "ETH",
      quote_asset: "USDC",
      qty: "100",
      qty_unit: "quote",
      type: "market",
      side: "buy",
    };
    const anonymous = await call(createRoute, { method: "POST", body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ message: "Authentication credentials were not provided." });
    const badToken = await call(listRoute, { headers: bearer("trn_notARealToken") });
    expect(badToken.status).toBe(401);
    expect(badToken.body).toEqual({ message: "Invalid token." });
    const noScope = await call(createRoute, { method: "POST", headers: bearer(readOnly), body });
    expect(noScope.status).toBe(403);
    expect(noScope.body).toEqual({ message: "This token lacks the trade scope required here." });
    const canRead = await call(listRoute, { headers: bearer(readOnly) });
    expect(canRead.status).toBe(200);
  });
});
