import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { authSecret, sessionCookieName } from "@/lib/server/auth/secret";
import { CORE_STRATEGY_IDS } from "@/lib/contracts/core/strategies";
import { GET as listOrders, POST as submitOrder } from "./route";
import { DELETE as cancelOrder } from "../order/[id]/route";
import { POST as pauseOrder } from "../pause_order/route";
import { listOrders as listOrdersService } from "@/lib/server/services/orders/list-orders";
import type * as ListOrdersModule from "@/lib/server/services/orders/list-orders";
import { submitCoreOrder } from "@/lib/server/services/orders/submit-core-order";
import type * as SubmitModule from "@/lib/server/services/orders/submit-core-order";
import { T0, setClock, submit, twapBody, useClock } from "../core-test-kit";

// The real services, wrapped so a test can make them fail unexpectedly (a database outage).
vi.mock("@/lib/server/services/orders/list-orders", async (original) => {
  const actual = await original<typeof ListOrdersModule>();
  return { ...actual, listOrders: vi.fn(actual.listOrders) };
});
vi.mock("@/lib/server/services/orders/submit-core-order", async (original) => {
  const actual = await original<typeof SubmitModule>();
  return { ...actual, submitCoreOrder: vi.fn(actual.submitCoreOrder) };
});

const QTY_FIELDS = "['base_asset_qty', 'quote_asset_qty', 'sell_token_amount']";

beforeAll(() => useClock());
beforeEach(() => setClock(T0));
afterAll(() => vi.useRealTimers());

const post = (token: string, body: unknown) => call(submitOrder, { method: "POST", token, body });
const list = (token: string, query = "") => call(listOrders, { token, path: `/api/orders/${query}` });

describe("[CORE] POST /api/orders/ — submit", () => {
  it("answers the seed's TWAP example verbatim with the documented account error, and the same body on an existing account and pair with 201 and the full order", async () => {
    const { token, user, account } = await createTestUser();
    const seedExample = {
      pair: "BTC-USD",
      side: "buy",
      accounts: ["binance_main", "coinbase_pro"],
      strategy: "TWAP",
      duration: 3600,
      base_asset_qty: 0.5,
      custom_order_id: "my_custom_order_123",
      notes: "Buy BTC over 1 hour using TWAP strategy",
      limit_price: "45000.00",
      start_datetime: "2023-12-01T10:00:00Z",
      engine_passiveness: 0.5,
      schedule_discretion: 0.3,
      alpha_tilt: 0.1,
      pos_side: "long",
    };
    const refused = await post(token, seedExample);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: "Account display name 'binance_main' not found for user" });

    const created = await post(token, { ...seedExample, accounts: ["paper"], pair: "BTC-USDT" });
    expect(created.status).toBe(201);
    const { id, arrival_price, ...rest } = created.body;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(arrival_price)).toBeGreaterThan(1000);
    // A start time in the past means now: the order is active at once.
    expect(rest).toEqual({
      parent_order: null,
      batch_order: null,
      chained_orders: [],
      created_at: new Date(T0).toISOString(),
      buy_token: "BTC",
      sell_token: "USDT",
      pair: "BTC-USDT",
      side: "buy",
      sell_token_amount: null,
      buy_token_amount: "0.5",
      target_order_qty: 0.5,
      target_remaining_qty: 0.5,
      strategy: CORE_STRATEGY_IDS.TWAP,
      strategy_name: "TWAP",
      super_strategy: null,
      super_strategy_name: null,
      strategy_params: {
        passive_only: false,
        active_limit: false,
        ool_pause: false,
        strict_duration: false,
        reduce_only: false,
        max_clip_size: null,
      },
      limit_price: "45000",
      is_reverse_limit_price: false,
      time_start: new Date(T0).toISOString(),
      time_end: new Date(T0 + 3600_000).toISOString(),
      is_simple: false,
      orig_time_end: new Date(T0 + 3600_000).toISOString(),
      duration: 3600,
      accounts: [account.id],
      account_names: ["paper"],
      unique_venues: ["sim"],
      user: user.id,
      placements: [],
      executed_qty: 0,
      executed_buy_qty: 0,
      executed_price: null,
      executed_notional: 0,
      executed_token: 0,
      active: true,
      status: "ACTIVE",
      engine_passiveness: "0.5",
      schedule_discretion: "0.3",
      alpha_tilt: "0.1",
      exposure_tolerance: null,
      pov_limit: null,
      pov_target: null,
      order_condition: null,
      order_condition_vars: {},
      order_condition_expiry: null,
      failure_reason: "",
      stop_price: "-1",
      notes: "Buy BTC over 1 hour using TWAP strategy",
      custom_order_id: "my_custom_order_123",
      updated_leverage: null,
      vwap: null,
      interval_volume: null,
      departure_price: null,
      pct_filled: 0,
      order_variable_normal: {},
      order_condition_normal: "",
      paused_at: null,
      resumed_at: null,
      market_type: "spot",
      max_otc: "0",
      pos_side: null,
      order_slices: null,
      auto_order_metadata: {},
      batch_order_strategy: null,
      chase_decay: null,
    });
  });

  it("answers SCHEDULED with the planned times for a future start, and keeps a condition in RPN and infix", async () => {
    const { token } = await createTestUser();
    const later = await submit(token, { start_datetime: new Date(T0 + 600_000).toISOString() });
    expect(later).toMatchObject({
      status: "SCHEDULED",
      active: false,
      time_start: new Date(T0 + 600_000).toISOString(),
      time_end: new Date(T0 + 720_000).toISOString(),
      arrival_price: null,
    });
    const conditional = await submit(token, {
      order_condition: "BTC-USDT@sim 1000 <=",
      order_condition_expiry: new Date(T0 + 3600_000).toISOString(),
    });
    expect(conditional).toMatchObject({
      status: "SCHEDULED",
      order_condition: "BTC-USDT@sim 1000 <=",
      order_condition_normal: "BTC-USDT@sim <= 1000",
      order_condition_expiry: new Date(T0 + 3600_000).toISOString(),
    });
  });

  it("accepts a strategy by its UUID and by any spelling of its name; a quote-sized sell targets the quote", async () => {
    const { token } = await createTestUser();
    const byId = await submit(token, { strategy: CORE_STRATEGY_IDS.VWAP });
    expect(byId).toMatchObject({ strategy: CORE_STRATEGY_IDS.VWAP, strategy_name: "VWAP" });
    const byName = await submit(token, { strategy: "target_time" });
    expect(byName.strategy_name).toBe("Target Time");
    const sell = await submit(token, { side: "sell", base_asset_qty: undefined, quote_asset_qty: "2500.5" });
    expect(sell).toMatchObject({
      buy_token: "USDT",
      sell_token: "BTC",
      buy_token_amount: "2500.5",
      sell_token_amount: null,
      target_order_qty: 2500.5,
    });
  });

  it("keeps a POV order's trajectory and works it with pov_target; duration is then optional", async () => {
    const { token } = await createTestUser();
    const pov = await submit(token, {
      strategy: "VWAP",
      duration: undefined,
      pov_target: 0.08,
      pov_limit: "0.1",
    });
    expect(pov).toMatchObject({
      strategy_name: "VWAP",
      pov_target: "0.08",
      pov_limit: "0.1",
      duration: null,
    });
  });

  it("lists the missing required fields as documented", async () => {
    const { token } = await createTestUser();
    const none = await post(token, {});
    expect(none.status).toBe(400);
    expect(none.body).toEqual({
      error: "Missing required fields: ['pair', 'accounts', 'side', 'duration', 'strategy']",
    });
    const some = await post(token, { pair: "BTC-USDT", side: "buy", accounts: [], base_asset_qty: 1 });
    expect(some.body).toEqual({ error: "Missing required fields: ['accounts', 'duration', 'strategy']" });
    // With pov_target, duration and strategy are not required.
    const pov = await post(token, { pair: "BTC-USDT", side: "buy", pov_target: 0.1, base_asset_qty: 0.01 });
    expect(pov.body).toEqual({ error: "Missing required fields: ['accounts']" });
  });

  it("needs exactly one quantity field, with the documented messages", async () => {
    const { token } = await createTestUser();
    const none = await post(token, twapBody({ base_asset_qty: undefined }));
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ errors: [`Need one of the qty fields: ${QTY_FIELDS}`] });
    const many = await post(token, twapBody({ quote_asset_qty: 100, sell_token_amount: 100 }));
    expect(many.status).toBe(400);
    expect(many.body).toEqual({ errors: [`Cannot have more than one of the qty fields: ${QTY_FIELDS}`] });
  });

  it("refuses bad values with a message naming each field, all at once", async () => {
    const { token } = await createTestUser();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ base_asset_qty: "-0.5" }, ["base_asset_qty: must be a positive number"]],
      [{ base_asset_qty: "lots" }, ["base_asset_qty: must be a decimal number"]],
      [
        { strategy: "6fe4ba3e-c578-45bd-824c-c523bf3c56de" },
        ["Invalid strategy: 6fe4ba3e-c578-45bd-824c-c523bf3c56de"],
      ],
      [{ strategy: "Moonshot" }, ["Invalid strategy: Moonshot"]],
      [{ pair: "ASDF" }, ["Invalid buy_token ASDF"]],
      [{ limit_price: "-3" }, ["Limit price must be a positive number"]],
      [{ engine_passiveness: 1.5 }, ["engine_passiveness: must be between 0 and 1"]],
      [{ schedule_discretion: 0.01 }, ["schedule_discretion: must be between 0.02 and 0.5"]],
      [{ alpha_tilt: -2 }, ["alpha_tilt: must be between -1 and 1"]],
      [{ pov_target: 0 }, ["pov_target: must be greater than 0 and at most 1"]],
      [{ max_otc: 2 }, ["max_otc: must be between 0 and 1"]],
      [{ side: "hold" }, ["side: must be buy or sell"]],
      [{ duration: 12.5 }, ["duration: must be a positive whole number of seconds"]],
      [{ start_datetime: "yesterday" }, ["start_datetime: must be an ISO 8601 time or epoch milliseconds"]],
      [{ custom_order_id: "x".repeat(65) }, ["custom_order_id: must be at most 64 characters"]],
      [{ strategy_params: { max_clip_size: 50 } }, ["strategy_params.max_clip_size: must be at least 100"]],
      [{ pos_side: "up" }, ["pos_side: must be long or short"]],
      [{ super_strategy: "Impact Minimization" }, ["Invalid super_strategy: Impact Minimization"]],
      [
        { engine_passiveness: -1, alpha_tilt: 5 },
        ["engine_passiveness: must be between 0 and 1", "alpha_tilt: must be between -1 and 1"],
      ],
    ];
    for (const [overrides, errors] of cases) {
      const response = await post(token, twapBody(overrides));
      expect({ overrides, status: response.status, body: response.body }).toEqual({
        overrides,
        status: 400,
        body: { errors },
      });
    }
    const condition = await post(token, twapBody({ order_condition: "BTC-USDT@sim 1000" }));
    expect(condition.status).toBe(400);
    expect(condition.body.errors[0]).toMatch(/^order_condition: /);
  });

  it("names the token a venue does not list, and refuses what the accounts cannot pay with the documented 422", async () => {
    const { token } = await createTestUser();
    const perp = await post(token, twapBody({ pair: "BTC:PERP-USDT" }));
    expect(perp.body).toEqual({ errors: ["Invalid buy_token BTC:PERP"] });
    const usd = await post(token, twapBody({ pair: "BTC-USD" }));
    expect(usd.body).toEqual({ errors: ["Invalid sell_token USD"] });
    const broke = await post(token, twapBody({ base_asset_qty: "5000" }));
    expect(broke.status).toBe(422);
    expect(broke.body.errors).toHaveLength(1);
    expect(broke.body.errors[0]).toMatch(
      /^Insufficient balance for order execution: needs about [\d.]+ USDT/,
    );
  });

  it("answers malformed JSON, a non-object body, bad auth and a read-only token in the dialect's shapes", async () => {
    const { token } = await createTestUser();
    const malformed = await call(submitOrder, { method: "POST", token, body: "{pair:" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toMatch(/^JSON parse error - /);
    const array = await call(submitOrder, { method: "POST", token, body: [twapBody()] });
    expect(array.status).toBe(400);
    expect(array.body).toEqual({ errors: ["Request body must be a JSON object"] });
    const anonymous = await call(submitOrder, { method: "POST", body: twapBody() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: "Authentication credentials were not provided." });
    const badToken = await call(submitOrder, { method: "POST", token: "trn_nope", body: twapBody() });
    expect(badToken.body).toEqual({ detail: "Invalid token." });
    const reader = await createTestUser({ scopes: ["read"] });
    const readOnly = await post(reader.token, twapBody());
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.detail).toMatch(/trade/);
  });
});

describe("[CORE] GET /api/orders/ — list", () => {
  it("answers the seed's example request verbatim with the documented account error, and the adapted one with exactly the matching orders", async () => {
    const { token } = await createTestUser();
    const seedQuery =
      "?statuses=ACTIVE,PAUSED&account_names=binance_main,coinbase_pro&page=1&page_size=50&after=2023-12-01T00:00:00Z&before=2023-12-31T23:59:59Z&custom_order_ids=order_123,order_456";
    const refused = await list(token, seedQuery);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: "Account display name 'binance_main' not found for user" });

    // A second apart, so newest-first is well defined.
    const a = await submit(token, { custom_order_id: "order_123" });
    setClock(T0 + 1000);
    const b = await submit(token, { custom_order_id: "order_456" });
    setClock(T0 + 2000);
    await submit(token, { custom_order_id: "order_789" });
    setClock(T0 + 3000);
    const canceled = await submit(token, { custom_order_id: "order_123" });
    setClock(T0 + 4000);
    await call(cancelOrder, { method: "DELETE", token, params: { id: canceled.id } });
    await call(pauseOrder, { method: "POST", token, body: { order_id: b.id } });

    const after = new Date(T0 - 86_400_000).toISOString();
    const before = new Date(T0 + 86_400_000).toISOString();
    const adapted = await list(
      token,
      `?statuses=ACTIVE,PAUSED&account_names=paper&page=1&page_size=50&after=${after}&before=${before}&custom_order_ids=order_123,order_456`,
    );
    expect(adapted.status).toBe(200);
    expect(adapted.body).toMatchObject({ page_number: 1, page_size: 50, num_pages: 1, order_count: 2 });
    expect(adapted.body.orders.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([
      [b.id, "PAUSED"],
      [a.id, "ACTIVE"],
    ]);
    const listed = adapted.body.orders[1];
    expect(listed).toEqual({
      id: a.id,
      custom_order_id: "order_123",
      parent_order_id: null,
      batch_order_id: null,
      batch_order_strategy: null,
      notes: "",
      pair: "BTC-USDT",
      side: "buy",
      exchanges: ["sim"],
      buy_token: "BTC",
      buy_token_amount: 0.1,
      sell_token: "USDT",
      sell_token_amount: null,
      executed_qty: 0,
      executed_buy_qty: 0,
      average_executed_price: null,
      executed_notional: 0,
      target_order_qty: 0.1,
      target_remaining_qty: 0.1,
      target_token: "BTC",
      target_executed_qty: 0,
      pct_filled: "0.00",
      total_fee: 0,
      fee_asset: null,
      total_fee_in_base: 0,
      strategy: "TWAP",
      super_strategy: null,
      duration: 120,
      accounts: a.accounts,
      account_names: ["paper"],
      engine_passiveness: 0.02,
      schedule_discretion: 0.06,
      pov_limit: null,
      pov_target: null,
      alpha_tilt: 0,
      strategy_params: a.strategy_params,
      user: a.user,
      status: "ACTIVE",
      active: true,
      is_simple: false,
      failure_reason: "",
      limit_price: "",
      is_reverse_limit_price: false,
      time_start: new Date(T0).toISOString(),
      time_end: new Date(T0 + 120_000).toISOString(),
      created_at: new Date(T0).toISOString(),
      updated_at: new Date(T0).toISOString(),
    });

    // The canceled one reads CANCELED, found by the prose spelling too; repeated keys work like CSV.
    const cancelledSpelling = await list(token, "?statuses=CANCELLED");
    expect(cancelledSpelling.body.orders.map((o: { id: string }) => o.id)).toEqual([canceled.id]);
    expect(cancelledSpelling.body.orders[0].status).toBe("CANCELED");
    const repeated = await list(token, "?statuses=ACTIVE&statuses=paused");
    expect(repeated.body.order_count).toBe(3);
    const completed = await list(token, "?statuses=COMPLETED");
    expect(completed.body).toEqual({
      orders: [],
      page_number: 1,
      page_size: 100,
      num_pages: 1,
      order_count: 0,
    });
  });

  it("pages newest first, and an empty page past the end", async () => {
    const { token } = await createTestUser();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      setClock(T0 + i * 1000);
      ids.push((await submit(token)).id);
    }
    setClock(T0 + 5000);
    const first = await list(token, "?page_size=2");
    expect(first.body).toMatchObject({ page_number: 1, page_size: 2, num_pages: 2, order_count: 3 });
    expect(first.body.orders.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    const second = await list(token, "?page=2&page_size=2");
    expect(second.body.orders.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
    const past = await list(token, "?page=3&page_size=2");
    expect(past.body).toMatchObject({ orders: [], page_number: 3, num_pages: 2, order_count: 3 });
    setClock(T0);
  });

  it("filters by pair (a Tranche addition), case-insensitively, combined with the other filters", async () => {
    const { token } = await createTestUser();
    const btc = await submit(token, { pair: "BTC-USDT" });
    const eth = await submit(token, { pair: "ETH-USDT", base_asset_qty: "1" });
    const sol = await submit(token, { pair: "SOL-USDT", base_asset_qty: "10" });
    // The clock is frozen here, so equal creation times: compare as sets.
    const ids = (response: { body: { orders: { id: string }[] } }) =>
      response.body.orders.map((o) => o.id).sort();
    expect(ids(await list(token, "?pairs=ETH-USDT"))).toEqual([eth.id]);
    expect(ids(await list(token, "?pairs=sol-usdt,BTC-USDT"))).toEqual([sol.id, btc.id].sort());
    expect(ids(await list(token, "?pairs=ETH-USDT&pairs=SOL-USDT"))).toEqual([sol.id, eth.id].sort());
    const none = await list(token, "?pairs=DOGE-USDT");
    expect(none.body).toMatchObject({ orders: [], order_count: 0, num_pages: 1 });
    expect((await list(token, "?pairs=BTC-USDT&statuses=CANCELED")).body.order_count).toBe(0);
    expect(ids(await list(token, "?pairs=BTC-USDT&account_names=paper"))).toEqual([btc.id]);
  });

  it("looks back 12 months at most, whatever `after` says", async () => {
    const { token } = await createTestUser();
    setClock(T0 - 400 * 86_400_000);
    const old = await submit(token, { custom_order_id: "old" });
    setClock(T0);
    const recent = await submit(token, { custom_order_id: "recent" });
    const all = await list(token, "?after=2020-01-01T00:00:00Z");
    expect(all.body.orders.map((o: { id: string }) => o.id)).toEqual([recent.id]);
    expect(all.body.orders.map((o: { id: string }) => o.id)).not.toContain(old.id);
    const byCustomId = await list(token, "?custom_order_ids=old");
    expect(byCustomId.body.order_count).toBe(0);
  });

  it("answers bad filters with the documented 400s, each naming its parameter", async () => {
    const { token } = await createTestUser();
    const cases: [string, unknown][] = [
      ["?after=yesterday", { message: "Invalid after date format" }],
      ["?before=2023-13-45", { message: "Invalid before date format" }],
      ["?page_size=1001", { error: "page_size cannot be greater than 1000" }],
      ["?page_size=99999999999", { error: "page_size cannot be greater than 1000" }],
      ["?page_size=0", { error: "page_size must be a positive integer" }],
      ["?page_size=ten", { error: "page_size must be a positive integer" }],
      ["?page=-1", { error: "page must be a positive integer" }],
      [
        "?statuses=ACTIVE,DONE",
        {
          error:
            "statuses: unknown status 'DONE' (expected SCHEDULED, ACTIVE, PAUSED, FINISHER, COMPLETE, CANCELED, FAILED, SUBMITTED)",
        },
      ],
    ];
    for (const [query, body] of cases) {
      const response = await list(token, query);
      expect({ query, status: response.status, body: response.body }).toEqual({ query, status: 400, body });
    }
  });

  it("shows a user only their own orders, even under the same account name", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const mine = await submit(alice.token);
    const theirs = await list(bob.token, "?account_names=paper");
    expect(theirs.body).toMatchObject({ orders: [], order_count: 0 });
    const byCustomId = await list(bob.token, `?custom_order_ids=${mine.custom_order_id}`);
    expect(byCustomId.body.order_count).toBe(0);
    expect((await list(alice.token)).body.orders.map((o: { id: string }) => o.id)).toContain(mine.id);
  });

  it("serves the dashboard through the session cookie, and refuses a cross-site write with it", async () => {
    const { user } = await createTestUser();
    const cookie = `${sessionCookieName()}=${await encode({ token: { sub: user.id }, secret: await authSecret() })}`;
    const listed = await call(listOrders, { path: "/api/orders/", headers: { cookie } });
    expect(listed.status).toBe(200);
    expect(listed.body.order_count).toBe(0);
    const sameSite = await call(submitOrder, { method: "POST", headers: { cookie }, body: twapBody() });
    expect(sameSite.status).toBe(201);
    const crossSite = await call(submitOrder, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", host: "localhost:3000" },
      body: twapBody(),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toEqual({
      detail: "Cross-site request refused: origin https://evil.example is not this app.",
    });
  });
});

describe("[CORE] unexpected failures on /api/orders/", () => {
  it("answer the documented 500 bodies", async () => {
    const { token } = await createTestUser();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const outage = async (): Promise<never> => {
      throw new Error("connection refused");
    };
    vi.mocked(listOrdersService).mockImplementationOnce(outage);
    vi.mocked(submitCoreOrder).mockImplementationOnce(outage);
    const listed = await list(token);
    expect([listed.status, listed.body]).toEqual([
      500,
      { errors: ["An unexpected error occurred. Please try again later."] },
    ]);
    const submitted = await post(token, twapBody());
    expect([submitted.status, submitted.body]).toEqual([500, { error: "Something went wrong" }]);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
