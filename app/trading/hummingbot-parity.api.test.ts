import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Dec } from "@/lib/domain/shared/decimal";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { venue } from "@/lib/server/venues";
import { T0, engineOnClock, now, setClock, submit, useClock } from "../api/core-test-kit";
import { bearer } from "../v1/gateway/gateway-test-kit";
import { GET as coreOrder } from "../api/order/[id]/route";
import { POST as submitChain } from "../api/chained_orders/route";
import { GET as getChain } from "../api/chained_orders/[id]/route";
import { GET as gatewayOrder } from "../v1/gateway/orders/[id]/route";
import { POST as placeTrade } from "./orders/route";
import { POST as activeOrders } from "./orders/active/route";
import { POST as searchOrders } from "./orders/search/route";
import { POST as trades } from "./trades/route";
import { POST as cancel } from "./[account_name]/[connector_name]/orders/[client_order_id]/cancel/route";

/**
 * The seven differences issue 17 found between Tranche's /trading/ and hummingbot-api, each
 * answered as hummingbot-api's own code answers the same request. The expected shapes are read
 * from hummingbot-api (github.com/hummingbot/hummingbot-api) as cited at each test.
 */

beforeAll(() => useClock());
beforeEach(() => setClock(T0));
afterAll(() => vi.useRealTimers());

async function bot() {
  const user = await createTestUser();
  const headers = { authorization: `Basic ${Buffer.from(`${user.email}:${user.token}`).toString("base64")}` };
  return { ...user, headers };
}

type Row = Record<string, unknown>;
const search = async (headers: Record<string, string>, body: Row = {}) =>
  (await call(searchOrders, { method: "POST", headers, body })).body as { data: Row[]; pagination: Row };
const trade = (extra: Row = {}) => ({
  account_name: "paper",
  connector_name: "sim",
  trading_pair: "BTC-USDT",
  trade_type: "BUY",
  amount: "0.001",
  order_type: "LIMIT",
  price: "50000",
  ...extra,
});

describe("[TRADING] 1. a completed quote-sized order is FILLED, its amount in base units", () => {
  // database/repositories/order_repository.py update_order_fill: `if total_filled >= amount:
  // status = "FILLED"`, and `amount` is the base amount the connector was given (to_dict floats it).
  it("a Core Market buy of 1,000 USDT reads COMPLETE / complete / FILLED with the same base and quote everywhere", async () => {
    const { token, headers } = await bot();
    const placed = await submit(token, {
      strategy: "Market",
      duration: 60,
      base_asset_qty: undefined,
      quote_asset_qty: "1000",
    });
    await engineOnClock("parity").run(5);

    const core = (await call(coreOrder, { token, params: { id: placed.id } })).body;
    const gateway = (await call(gatewayOrder, { headers: bearer(token), params: { id: placed.id } })).body;
    const [row] = (await search(headers)).data;
    const fills = (await call(trades, { method: "POST", headers, body: {} })).body.data as Row[];

    // A remainder of quote below one lot's worth (0.00001 BTC ≈ 0.99 USDT) is left: filled anyway.
    const base = new Dec(gateway.executed_qty);
    const quote = new Dec(gateway.executed_quote_qty);
    expect(quote.lt(1000) && quote.gt(999)).toBe(true);
    expect(core).toMatchObject({ status: "COMPLETE", executed_buy_qty: base.toNumber() });
    expect(new Dec(core.executed_notional).eq(quote)).toBe(true);
    expect(gateway.status).toBe("complete");
    expect(row).toMatchObject({
      order_id: placed.id,
      status: "FILLED",
      order_type: "MARKET",
      amount: base.toNumber(),
      filled_amount: base.toNumber(),
    });
    const tradedBase = fills.reduce((sum, f) => sum.add(String(f.amount)), new Dec(0));
    const tradedQuote = fills.reduce(
      (sum, f) => sum.add(new Dec(String(f.amount)).mul(String(f.price))),
      new Dec(0),
    );
    expect(tradedBase.eq(base)).toBe(true);
    expect(tradedQuote.eq(quote)).toBe(true);
    expect((await search(headers, { status: "FILLED" })).data.map((o) => o.order_id)).toEqual([placed.id]);
    expect((await search(headers, { status: "CANCELLED" })).data).toEqual([]);
  });

  it("a chain moves on after a quote-sized step that completed with such a remainder", async () => {
    const { token } = await bot();
    const step = (priority: number, order: Row) => ({
      priority,
      order_request: { pair: "BTC-USDT", strategy: "Market", duration: 60, accounts: ["paper"], ...order },
    });
    const created = await call(submitChain, {
      method: "POST",
      token,
      body: {
        orders_in_chain: [
          step(1, { side: "buy", quote_asset_qty: "1000" }),
          step(2, { side: "sell", base_asset_qty: "0.005" }),
        ],
      },
    });
    expect(created.status).toBe(201);
    await engineOnClock("parity").run(6);
    const chain = (await call(getChain, { token, params: { id: created.body.id } })).body;
    expect(chain.orders.map((o: Row) => o.status)).toEqual(["COMPLETE", "COMPLETE"]);
  });

  it("a working quote-sized order shows its size in base at its reference price", async () => {
    const { token, headers } = await bot();
    const placed = await submit(token, {
      strategy: "TWAP",
      duration: 3600,
      base_asset_qty: undefined,
      quote_asset_qty: "1000",
      limit_price: "1",
    });
    const [row] = (await search(headers)).data;
    // Nothing filled yet: 1,000 USDT at its limit of 1 USDT is 1,000 BTC.
    expect(row).toMatchObject({ order_id: placed.id, status: "OPEN", amount: 1000, filled_amount: 0 });
  });
});

describe("[TRADING] 2. algorithmic orders read as the nearest hummingbot order type", () => {
  // hummingbot's OrderType names: LIMIT, MARKET, LIMIT_MAKER, AMM_SWAP (routers/trading.py
  // `order.order_type.name`); Tranche adds the algorithm in `strategy`.
  it("a TWAP reads MARKET without a limit price, LIMIT with one, LIMIT_MAKER when passive_only; a bot can cancel it", async () => {
    const { token, headers } = await bot();
    const market = await submit(token, { strategy: "TWAP" });
    const limit = await submit(token, { strategy: "VWAP", limit_price: "50000" });
    const maker = await submit(token, {
      strategy: "TWAP",
      limit_price: "50000",
      strategy_params: { passive_only: true },
    });
    const rows = new Map((await search(headers)).data.map((o) => [o.order_id, o]));
    expect(rows.get(market.id)).toMatchObject({ order_type: "MARKET", strategy: "TWAP", price: null });
    expect(rows.get(limit.id)).toMatchObject({ order_type: "LIMIT", strategy: "VWAP", price: 50000 });
    expect(rows.get(maker.id)).toMatchObject({ order_type: "LIMIT_MAKER", strategy: "TWAP", price: 50000 });
    for (const row of rows.values())
      expect(["LIMIT", "MARKET", "LIMIT_MAKER", "AMM_SWAP"]).toContain(row.order_type);

    const cancelled = await call(cancel, {
      method: "POST",
      headers,
      params: { account_name: "paper", connector_name: "sim", client_order_id: market.id },
    });
    expect(cancelled.body).toEqual({ message: `Order cancellation initiated for ${market.id}` });
  });
});

describe("[TRADING] 3. rows carry numbers where hummingbot-api sends floats; the place answer stays strings", () => {
  // order_repository.py to_dict: "amount": float(...), "price": float(...) if price else None,
  // "filled_amount": float(...), "average_fill_price" / "fee_paid": float(...) if set else None;
  // trade_repository.py to_dict: amount, price, fee_paid floats. routers/trading.py TradeResponse:
  // amount and price are Decimals, which FastAPI writes as strings.
  it("types and precision of order, trade and place answers", async () => {
    const { headers } = await bot();
    const placed = await call(placeTrade, {
      method: "POST",
      headers,
      body: trade({ trade_type: "SELL", order_type: "MARKET", amount: 0.0123456, price: undefined }),
    });
    expect(placed.body).toMatchObject({ amount: "0.0123456", price: null, status: "submitted" });
    const resting = await call(placeTrade, { method: "POST", headers, body: trade() });
    expect(resting.body).toMatchObject({ amount: "0.001", price: "50000" });
    await engineOnClock("parity").run(3);

    const rows = new Map((await search(headers)).data.map((o) => [o.order_id, o]));
    const sold = rows.get(placed.body.order_id)!;
    expect(sold).toMatchObject({ status: "FILLED", amount: 0.01234, filled_amount: 0.01234, price: null });
    expect(typeof sold.average_fill_price).toBe("number");
    expect(typeof sold.fee_paid).toBe("number");
    // BTC-USDT: tick 0.01, lot 0.00001, so quote amounts have at most 7 decimals.
    expect(String(sold.average_fill_price)).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(String(sold.fee_paid)).toMatch(/^\d+(\.\d{1,7})?$/);
    expect(rows.get(resting.body.order_id)).toMatchObject({
      status: "OPEN",
      amount: 0.001,
      price: 50000,
      filled_amount: 0,
      average_fill_price: null,
      fee_paid: null,
      fee_currency: null,
    });

    const [fill] = (await call(trades, { method: "POST", headers, body: {} })).body.data as Row[];
    for (const field of ["amount", "price", "fee_paid"]) expect(typeof fill![field]).toBe("number");
  });
});

describe("[TRADING] 4. unknown filters answer 200, as hummingbot-api's do", () => {
  it("an unknown account is no rows, an unknown status matches nothing, an unknown cursor is the first page", async () => {
    const { headers } = await bot();
    for (let i = 0; i < 3; i++)
      await call(placeTrade, { method: "POST", headers, body: trade({ price: String(50000 + i) }) });
    const none = { data: [], pagination: { limit: 100, has_more: false, next_cursor: null, total_count: 0 } };

    // routers/trading.py get_orders/get_trades: each named account is asked for its rows; one it
    // does not know has none. get_active_orders skips it (`if account_name in all_connectors`).
    for (const route of [searchOrders, activeOrders, trades]) {
      const answer = await call(route, { method: "POST", headers, body: { account_names: ["nope"] } });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(none);
    }
    const mixed = await search(headers, { account_names: ["nope", "paper"] });
    expect(mixed.pagination.total_count).toBe(3);

    // order_repository.py get_orders: `Order.status == status`, the stored word, exactly.
    for (const status of ["DONE", "filled", "CANCELED"]) {
      const answer = await call(searchOrders, { method: "POST", headers, body: { status } });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(none);
    }
    expect((await search(headers, { status: "OPEN" })).pagination.total_count).toBe(3);

    // models/pagination.py paginate_by_cursor: a cursor not found starts at index 0.
    const first = await search(headers, { limit: 2 });
    for (const route of [searchOrders, activeOrders, trades]) {
      const answer = await call(route, {
        method: "POST",
        headers,
        body: { limit: 2, cursor: "not-a-cursor" },
      });
      expect(answer.status).toBe(200);
      if (route !== trades) expect(answer.body).toEqual(first);
    }
  });
});

describe("[TRADING] 5. a LIMIT_MAKER that would take is placed, then FAILED by the exchange", () => {
  // accounts_service.py place_trade checks no crossing: it places (201, status "submitted"); the
  // connector's post-only rejection fires OrderFailure and orders_recorder.py _handle_order_failed
  // stores status "FAILED" with the reason in error_message.
  it("answers 201 and the order reads FAILED with the reason, never trades", async () => {
    const { headers } = await bot();
    const ask = venue("sim").book("BTC-USDT", now()).ask;
    const placed = await call(placeTrade, {
      method: "POST",
      headers,
      body: trade({ order_type: "LIMIT_MAKER", price: ask.mul("1.01").toFixed(2) }),
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ order_type: "LIMIT_MAKER", status: "submitted" });
    await engineOnClock("parity").run(2);
    const [row] = (await search(headers)).data;
    expect(row).toMatchObject({
      order_id: placed.body.order_id,
      order_type: "LIMIT_MAKER",
      status: "FAILED",
      filled_amount: 0,
      error_message: expect.stringContaining(`crosses the best ask ${ask.toFixed()}`),
    });
    expect((await call(activeOrders, { method: "POST", headers, body: {} })).body.data).toEqual([]);
    expect((await call(trades, { method: "POST", headers, body: {} })).body.data).toEqual([]);
  });
});

describe("[TRADING] 6. 422 items are pydantic v2's, with input and ctx", () => {
  // FastAPI's request_validation_exception_handler: {"detail": exc.errors()} with pydantic-core's
  // types, messages and ctx (src/errors/types.rs; decimal.rs puts the Decimal bound in ctx, which
  // FastAPI's decimal_encoder writes as an int); fastapi/routing.py builds json_invalid itself.
  const body = trade();
  it.each<[string, typeof placeTrade, unknown, Row[]]>([
    [
      "a missing field (input: the object)",
      placeTrade,
      { ...body, account_name: undefined },
      [
        {
          type: "missing",
          loc: ["body", "account_name"],
          msg: "Field required",
          input: { ...body, account_name: undefined },
        },
      ],
    ],
    [
      "amount 0 (gt=0)",
      placeTrade,
      { ...body, amount: 0 },
      [
        {
          type: "greater_than",
          loc: ["body", "amount"],
          msg: "Input should be greater than 0",
          input: 0,
          ctx: { gt: 0 },
        },
      ],
    ],
    [
      "a trade_type outside the Literal",
      placeTrade,
      { ...body, trade_type: "HOLD" },
      [
        {
          type: "literal_error",
          loc: ["body", "trade_type"],
          msg: "Input should be 'BUY' or 'SELL'",
          input: "HOLD",
          ctx: { expected: "'BUY' or 'SELL'" },
        },
      ],
    ],
    [
      "an order_type outside the Literal",
      placeTrade,
      { ...body, order_type: "STOP" },
      [
        {
          type: "literal_error",
          loc: ["body", "order_type"],
          msg: "Input should be 'LIMIT', 'MARKET' or 'LIMIT_MAKER'",
          input: "STOP",
          ctx: { expected: "'LIMIT', 'MARKET' or 'LIMIT_MAKER'" },
        },
      ],
    ],
    [
      "amounts that are no decimal",
      placeTrade,
      { ...body, amount: "lots", price: [1] },
      [
        {
          type: "decimal_parsing",
          loc: ["body", "amount"],
          msg: "Input should be a valid decimal",
          input: "lots",
        },
        {
          type: "decimal_type",
          loc: ["body", "price"],
          msg: "Decimal input should be an integer, float, string or Decimal object",
          input: [1],
        },
      ],
    ],
    [
      "a price beyond 18 decimal places",
      placeTrade,
      { ...body, price: "0.0000000000000000001" },
      [
        {
          type: "decimal_max_places",
          loc: ["body", "price"],
          msg: "Decimal input should have no more than 18 decimal places",
          input: "0.0000000000000000001",
          ctx: { decimal_places: 18 },
        },
      ],
    ],
    [
      "limit 0 (ge=1), a string account_names, a number in trading_pairs",
      searchOrders,
      { limit: 0, account_names: "paper", trading_pairs: ["BTC-USDT", 7] },
      [
        {
          type: "greater_than_equal",
          loc: ["body", "limit"],
          msg: "Input should be greater than or equal to 1",
          input: 0,
          ctx: { ge: 1 },
        },
        {
          type: "list_type",
          loc: ["body", "account_names"],
          msg: "Input should be a valid list",
          input: "paper",
        },
        {
          type: "string_type",
          loc: ["body", "trading_pairs", 1],
          msg: "Input should be a valid string",
          input: 7,
        },
      ],
    ],
    [
      "limit 5000 (le=1000)",
      trades,
      { limit: 5000 },
      [
        {
          type: "less_than_equal",
          loc: ["body", "limit"],
          msg: "Input should be less than or equal to 1000",
          input: 5000,
          ctx: { le: 1000 },
        },
      ],
    ],
    [
      "limits that are no integer",
      activeOrders,
      { limit: 2.5 },
      [
        {
          type: "int_from_float",
          loc: ["body", "limit"],
          msg: "Input should be a valid integer, got a number with a fractional part",
          input: 2.5,
        },
      ],
    ],
    [
      "a limit string that is no integer",
      searchOrders,
      { limit: "ten" },
      [
        {
          type: "int_parsing",
          loc: ["body", "limit"],
          msg: "Input should be a valid integer, unable to parse string as an integer",
          input: "ten",
        },
      ],
    ],
    [
      "a body that is no object",
      searchOrders,
      [1, 2],
      [
        {
          type: "model_attributes_type",
          loc: ["body"],
          msg: "Input should be a valid dictionary or object to extract fields from",
          input: [1, 2],
        },
      ],
    ],
    [
      "a body that is no JSON",
      placeTrade,
      "{not json",
      [
        {
          type: "json_invalid",
          loc: ["body", 1],
          msg: "JSON decode error",
          input: {},
          ctx: { error: "Expecting property name enclosed in double quotes" },
        },
      ],
    ],
  ])("%s", async (_name, route, sent, detail) => {
    const { headers } = await bot();
    const answer = await call(route, { method: "POST", headers, body: sent });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ detail });
  });

  it("takes what pydantic's lax mode takes: an integer string for limit", async () => {
    const { headers } = await bot();
    const answer = await call(searchOrders, { method: "POST", headers, body: { limit: "5" } });
    expect(answer.status).toBe(200);
    expect(answer.body.pagination.limit).toBe(5);
  });
});

describe("[TRADING] 7. timestamps are Python's isoformat (+00:00)", () => {
  // order_repository.py to_dict: created_at.isoformat() of a TIMESTAMP(timezone=True) column:
  // "2026-11-02T14:00:00+00:00", microseconds written only when not zero (".123000").
  it("order and trade times end in +00:00, with six fraction digits when there is a fraction", async () => {
    const { headers } = await bot();
    const placed = await call(placeTrade, {
      method: "POST",
      headers,
      body: trade({ order_type: "MARKET", price: undefined }),
    });
    const [row] = (await search(headers)).data;
    expect(row).toMatchObject({ order_id: placed.body.order_id, created_at: "2026-11-02T14:00:00+00:00" });
    setClock(T0 + 1123);
    await engineOnClock("parity").run(1, 0);
    const [fill] = (await call(trades, { method: "POST", headers, body: {} })).body.data as Row[];
    expect(fill!.timestamp).toBe("2026-11-02T14:00:01.123000+00:00");
    const [after] = (await search(headers)).data;
    expect(after!.updated_at).toBe("2026-11-02T14:00:01.123000+00:00");
  });
});
