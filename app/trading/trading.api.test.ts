import { describe, expect, it } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { Engine } from "@/lib/server/engine/engine";
import { venue } from "@/lib/server/venues";
import { POST as placeTrade } from "./orders/route";
import { POST as activeOrders } from "./orders/active/route";
import { POST as searchOrders } from "./orders/search/route";
import { POST as trades } from "./trades/route";
import { POST as cancel } from "./[account_name]/[connector_name]/orders/[client_order_id]/cancel/route";
import { GET as listCoreOrders } from "../api/orders/route";

const basic = (login: string, token: string) => ({
  authorization: `Basic ${Buffer.from(`${login}:${token}`).toString("base64")}`,
});

async function trader() {
  const user = await createTestUser();
  return { ...user, headers: basic(user.email, user.token) };
}

const limitBuy = (extra: Record<string, unknown> = {}) => ({
  account_name: "paper",
  connector_name: "sim",
  trading_pair: "BTC-USDT",
  trade_type: "BUY",
  amount: 1,
  order_type: "LIMIT",
  price: 123,
  position_action: "OPEN",
  ...extra,
});

describe("[TRADING] POST /trading/orders", () => {
  it("answers the seed's example body verbatim with the documented 404 for its placeholder account", async () => {
    const { headers } = await trader();
    const seed = {
      account_name: "<string>",
      connector_name: "<string>",
      trading_pair: "<string>",
      trade_type: "BUY",
      amount: 1,
      order_type: "LIMIT",
      price: 123,
      position_action: "OPEN",
    };
    const response = await call(placeTrade, { method: "POST", headers, body: seed });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: "Account '<string>' not found" });
  });

  it("places the seed's LIMIT BUY on a paper account: 201 with the seed's fields and a client order id", async () => {
    const { headers } = await trader();
    const response = await call(placeTrade, { method: "POST", headers, body: limitBuy() });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      order_id: expect.stringMatching(/^buy-BTC-USDT-\d+[0-9a-f]{6}$/),
      account_name: "paper",
      connector_name: "sim",
      trading_pair: "BTC-USDT",
      trade_type: "BUY",
      amount: "1",
      order_type: "LIMIT",
      price: "123",
      status: "submitted",
    });
    const active = await call(activeOrders, { method: "POST", headers, body: {} });
    expect(active.body.data).toEqual([
      expect.objectContaining({
        order_id: response.body.order_id,
        status: "OPEN",
        order_type: "LIMIT",
        amount: 1,
        price: 123,
        filled_amount: 0,
      }),
    ]);
  });

  it("runs hummingbot-api's checks in order with its messages", async () => {
    const { headers } = await trader();
    const cases: [Record<string, unknown>, number, string | RegExp][] = [
      [limitBuy({ account_name: "nope" }), 404, "Account 'nope' not found"],
      [limitBuy({ connector_name: "binance" }), 404, /Connector 'binance' not found in account 'paper'/],
      [limitBuy({ price: undefined }), 400, "Price is required for LIMIT and LIMIT_MAKER orders"],
      [
        limitBuy({ order_type: "LIMIT_MAKER", price: null }),
        400,
        "Price is required for LIMIT and LIMIT_MAKER orders",
      ],
      [
        limitBuy({ trading_pair: "DOGE-USDT" }),
        400,
        "Trading pair 'DOGE-USDT' not supported on sim. Available pairs: ['BTC-USDT', 'ETH-USDT', 'SOL-USDT']",
      ],
      [
        limitBuy({ amount: "0.000004" }),
        400,
        "Order amount 0 is below minimum order size 0.00001 for BTC-USDT",
      ],
      [
        limitBuy({ amount: "0.00002" }),
        400,
        /^Order notional value 0\.00246 is below minimum notional size 5 for BTC-USDT/,
      ],
    ];
    for (const [body, status, detail] of cases) {
      const response = await call(placeTrade, { method: "POST", headers, body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      if (typeof detail === "string") expect(response.body).toEqual({ detail });
      else expect(response.body.detail).toMatch(detail);
    }
  });

  it("quantizes amount and price to the pair's rules before placing (the answer echoes the request, as hummingbot's TradeResponse does)", async () => {
    const { headers } = await trader();
    const response = await call(placeTrade, {
      method: "POST",
      headers,
      body: limitBuy({ amount: "0.123456789", price: "100.129" }),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount: "0.123456789", price: "100.129" });
    const active = await call(activeOrders, { method: "POST", headers, body: {} });
    expect(active.body.data[0]).toMatchObject({
      order_id: response.body.order_id,
      amount: 0.12345,
      price: 100.12,
    });
  });

  it("places a LIMIT_MAKER that would take liquidity and fails it (as the exchange rejects it), and rests one that would not", async () => {
    const { headers } = await trader();
    const ask = venue("sim").book("ETH-USDT", Date.now()).ask;
    const crossing = await call(placeTrade, {
      method: "POST",
      headers,
      body: limitBuy({
        trading_pair: "ETH-USDT",
        order_type: "LIMIT_MAKER",
        price: ask.mul(1.01).toFixed(2),
      }),
    });
    expect(crossing.status).toBe(201);
    const failed = await call(searchOrders, { method: "POST", headers, body: { status: "FAILED" } });
    expect(failed.body.data).toEqual([
      expect.objectContaining({
        order_id: crossing.body.order_id,
        order_type: "LIMIT_MAKER",
        status: "FAILED",
        error_message: expect.stringMatching(/^LIMIT_MAKER order would take liquidity/),
      }),
    ]);
    const resting = await call(placeTrade, {
      method: "POST",
      headers,
      body: limitBuy({ trading_pair: "ETH-USDT", order_type: "LIMIT_MAKER", price: ask.mul(0.9).toFixed(2) }),
    });
    expect(resting.status).toBe(201);
    expect(resting.body.order_type).toBe("LIMIT_MAKER");
  });

  it("answers schema errors with FastAPI's 422 list", async () => {
    const { headers } = await trader();
    const missing = await call(placeTrade, {
      method: "POST",
      headers,
      body: { connector_name: "sim", trading_pair: "BTC-USDT", trade_type: "BUY", amount: 1 },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toContainEqual({
      type: "missing",
      loc: ["body", "account_name"],
      msg: "Field required",
      input: { connector_name: "sim", trading_pair: "BTC-USDT", trade_type: "BUY", amount: 1 },
    });

    const zero = await call(placeTrade, { method: "POST", headers, body: limitBuy({ amount: 0 }) });
    expect(zero.status).toBe(422);
    expect(zero.body.detail[0]).toMatchObject({
      loc: ["body", "amount"],
      msg: "Input should be greater than 0",
    });

    const side = await call(placeTrade, { method: "POST", headers, body: limitBuy({ trade_type: "HOLD" }) });
    expect(side.status).toBe(422);
    expect(side.body.detail[0]).toMatchObject({ type: "literal_error", loc: ["body", "trade_type"] });

    const garbage = await call(placeTrade, { method: "POST", headers, body: "{not json" });
    expect(garbage.status).toBe(422);
    expect(garbage.body.detail[0]).toMatchObject({ type: "json_invalid", loc: ["body", 1], input: {} });
  });

  it("authenticates with HTTP Basic (email or username : API token) and checks the scope", async () => {
    const { token, email } = await trader();
    const wrong = await call(placeTrade, {
      method: "POST",
      headers: basic(email, "trn_wrong"),
      body: limitBuy(),
    });
    expect(wrong.status).toBe(401);
    // No Basic challenge: a browser would cache what a cross-site form then sends.
    expect(wrong.headers.get("www-authenticate")).toBeNull();
    expect(wrong.body).toEqual({ detail: "Invalid token." });
    const none = await call(placeTrade, { method: "POST", body: limitBuy() });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ detail: "Authentication credentials were not provided." });
    const readOnly = await createTestUser({ scopes: ["read"], username: `bot${Date.now()}` });
    const forbidden = await call(placeTrade, {
      method: "POST",
      headers: basic(readOnly.user.username!, readOnly.token),
      body: limitBuy(),
    });
    expect(forbidden.status).toBe(403);
    expect(
      (
        await call(searchOrders, {
          method: "POST",
          headers: basic(readOnly.user.username!, readOnly.token),
          body: {},
        })
      ).status,
    ).toBe(200);
    expect(token).toBeTruthy();
  });
});

describe("[TRADING] order lifecycle", () => {
  it("a MARKET order fills and shows in /trading/trades, in the order search as FILLED, and in GET /api/orders/", async () => {
    const { headers, token } = await trader();
    const placed = await call(placeTrade, {
      method: "POST",
      headers,
      body: {
        account_name: "paper",
        connector_name: "sim",
        trading_pair: "SOL-USDT",
        trade_type: "SELL",
        amount: "12.5",
        order_type: "MARKET",
      },
    });
    expect(placed.status).toBe(201);
    expect(placed.body.price).toBeNull();
    const engine = new Engine({ workerId: "trading-market" });
    for (let i = 0; i < 3; i++) await engine.tick(Date.now() + i * 1000);

    const fills = await call(trades, { method: "POST", headers, body: { trading_pairs: ["SOL-USDT"] } });
    expect(fills.status).toBe(200);
    expect(fills.body.data.length).toBeGreaterThan(0);
    expect(
      fills.body.data.every(
        (t: { order_id: string; trade_type: string }) =>
          t.order_id === placed.body.order_id && t.trade_type === "SELL",
      ),
    ).toBe(true);
    const sold = fills.body.data.reduce((sum: number, t: { amount: number }) => sum + t.amount, 0);
    expect(sold).toBeCloseTo(12.5, 9);
    expect(fills.body.pagination).toEqual({
      limit: 100,
      has_more: false,
      next_cursor: null,
      total_count: fills.body.data.length,
    });

    const search = await call(searchOrders, { method: "POST", headers, body: { status: "FILLED" } });
    expect(search.body.data).toEqual([
      expect.objectContaining({
        order_id: placed.body.order_id,
        status: "FILLED",
        order_type: "MARKET",
        filled_amount: 12.5,
        amount: 12.5,
        fee_currency: "USDT",
      }),
    ]);
    expect(search.body.data[0].average_fill_price).toBeGreaterThan(0);

    // The same order, with its fills, through the Core Order API.
    const core = await call(listCoreOrders, {
      token,
      path: `/api/orders/?custom_order_ids=${placed.body.order_id}`,
    });
    expect(core.status).toBe(200);
    expect(core.body.orders).toHaveLength(1);
    expect(core.body.orders[0]).toMatchObject({
      custom_order_id: placed.body.order_id,
      pair: "SOL-USDT",
      side: "sell",
      strategy: "Market",
      status: "COMPLETE",
      pct_filled: "100.00",
    });
    expect(String(core.body.orders[0].executed_qty)).toBe("12.5");
  });

  it("cancels a resting LIMIT by client order id; unknown ids are 404", async () => {
    const { headers } = await trader();
    const placed = await call(placeTrade, { method: "POST", headers, body: limitBuy() });
    const params = { account_name: "paper", connector_name: "sim", client_order_id: placed.body.order_id };
    const done = await call(cancel, { method: "POST", headers, params });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ message: `Order cancellation initiated for ${placed.body.order_id}` });
    await new Engine({ workerId: "trading-cancel" }).tick(Date.now());
    const active = await call(activeOrders, { method: "POST", headers, body: {} });
    expect(active.body.data).toEqual([]);
    const cancelled = await call(searchOrders, { method: "POST", headers, body: { status: "CANCELLED" } });
    expect(cancelled.body.data.map((o: { order_id: string }) => o.order_id)).toEqual([placed.body.order_id]);

    const again = await call(cancel, { method: "POST", headers, params });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ detail: `Order '${placed.body.order_id}' not found in active orders` });
    const other = await trader();
    const foreign = await call(cancel, {
      method: "POST",
      headers: other.headers,
      params: { ...params, client_order_id: placed.body.order_id },
    });
    expect(foreign.status).toBe(404);
  });

  it("cursor paging returns every order exactly once while new orders arrive", async () => {
    const { headers } = await trader();
    const original: string[] = [];
    for (let i = 0; i < 23; i++) {
      const placed = await call(placeTrade, { method: "POST", headers, body: limitBuy({ price: 100 + i }) });
      original.push(placed.body.order_id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: {
        status: number;
        body: { data: { order_id: string }[]; pagination: { next_cursor: string | null } };
      } = await call(searchOrders, {
        method: "POST",
        headers,
        body: { limit: 10, ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((o: { order_id: string }) => o.order_id));
      cursor = page.body.pagination.next_cursor;
      pages += 1;
      // Orders arriving between pages are newer than the cursor: they never shift later pages.
      await call(placeTrade, { method: "POST", headers, body: limitBuy({ price: 50 }) });
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...original].reverse());
    expect(new Set(seen).size).toBe(seen.length);

    // hummingbot-api's paginate_by_cursor starts over at a cursor it does not know.
    const bad = await call(searchOrders, {
      method: "POST",
      headers,
      body: { cursor: "yesterday", limit: 3 },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.pagination).toMatchObject({ limit: 3, has_more: true });
  });

  it("filters by account, connector, pair and time, and never shows another user's orders", async () => {
    const { headers } = await trader();
    const before = Date.now();
    await call(placeTrade, { method: "POST", headers, body: limitBuy() });
    await call(placeTrade, {
      method: "POST",
      headers,
      body: limitBuy({ trading_pair: "ETH-USDT", price: 10 }),
    });
    const eth = await call(searchOrders, { method: "POST", headers, body: { trading_pairs: ["ETH-USDT"] } });
    expect(eth.body.data.map((o: { trading_pair: string }) => o.trading_pair)).toEqual(["ETH-USDT"]);
    const none = await call(searchOrders, {
      method: "POST",
      headers,
      body: { connector_names: ["binance"] },
    });
    expect(none.body.pagination.total_count).toBe(0);
    const later = await call(searchOrders, {
      method: "POST",
      headers,
      body: { start_time: before + 60_000 },
    });
    expect(later.body.data).toEqual([]);
    // hummingbot-api asks the history for each named account: one it does not know has no rows.
    const unknown = await call(searchOrders, { method: "POST", headers, body: { account_names: ["nope"] } });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({
      data: [],
      pagination: { limit: 100, has_more: false, next_cursor: null, total_count: 0 },
    });
    const other = await trader();
    const theirs = await call(searchOrders, { method: "POST", headers: other.headers, body: {} });
    expect(theirs.body.data).toEqual([]);
  });
});
