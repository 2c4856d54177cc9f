import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { POST as amendOrder } from "./route";
import { GET as getOrder } from "../order/[id]/route";
import { T0, engineOnClock, setClock, submit, useClock } from "../core-test-kit";

const SEED_ID = "6debb950-614a-4366-b73b-7d7574fd9e15";

beforeAll(() => useClock());
beforeEach(() => setClock(T0));
afterAll(() => vi.useRealTimers());

const amend = (token: string, body: unknown) => call(amendOrder, { method: "POST", token, body });
const read = async (token: string, id: string) => (await call(getOrder, { token, params: { id } })).body;

describe("[CORE] POST /api/amend_order/", () => {
  it("applies the seed's example changes, and answers the seed's own id with the documented 404", async () => {
    const { token } = await createTestUser();
    const seedBody = { order_id: SEED_ID, changes: { duration: 900, limit_price: "51000" } };
    const missing = await amend(token, seedBody);
    expect([missing.status, missing.body]).toEqual([404, { error: `Order ${SEED_ID} not found` }]);

    const order = await submit(token, { duration: 600 });
    const amended = await amend(token, { ...seedBody, order_id: order.id });
    expect([amended.status, amended.body]).toEqual([202, { message: "Successfully amended order." }]);
    expect(await read(token, order.id)).toMatchObject({
      duration: 900,
      limit_price: "51000",
      time_end: new Date(T0 + 900_000).toISOString(),
      orig_time_end: new Date(T0 + 600_000).toISOString(),
    });
    const quantity = await amend(token, { order_id: order.id, changes: { quote_asset_qty: "12000.5" } });
    expect(quantity.status).toBe(202);
    expect(await read(token, order.id)).toMatchObject({
      target_token: "USDT",
      target_order_qty: 12000.5,
      sell_token_amount: 12000.5,
      buy_token_amount: null,
    });
  });

  it("answers malformed requests with the documented 400s, each naming its field", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { duration: 600 });
    const cases: [unknown, string][] = [
      [{}, "Missing required field(s): order_id, changes"],
      [{ order_id: order.id }, "Missing required field(s): changes"],
      [{ changes: { duration: 900 } }, "Missing required field(s): order_id"],
      [{ order_id: "nope", changes: { duration: 900 } }, "Invalid order ID format"],
      [{ order_id: order.id, changes: "duration=900" }, "changes must be an object"],
      [{ order_id: order.id, changes: [900] }, "changes must be an object"],
      [{ order_id: order.id, changes: {} }, "No changes given"],
      [
        { order_id: order.id, changes: { base_asset_qty: "a lot" } },
        "changes.base_asset_qty: must be a positive number",
      ],
      [
        { order_id: order.id, changes: { base_asset_qty: -1 } },
        "changes.base_asset_qty: must be a positive number",
      ],
      [
        { order_id: order.id, changes: { duration: "soon" } },
        "changes.duration: must be a positive whole number of seconds",
      ],
      [
        { order_id: order.id, changes: { pov_target: 2 } },
        "changes.pov_target: must be greater than 0 and at most 1",
      ],
      [{ order_id: order.id, changes: { limit_price: "-1" } }, "Limit price must be a positive number"],
      [
        { order_id: order.id, changes: { side: "sell" } },
        "changes.side: cannot be amended; amendable: base_asset_qty, quote_asset_qty, duration, pov_target, limit_price",
      ],
    ];
    for (const [body, error] of cases) {
      const response = await amend(token, body);
      expect({ body, status: response.status, answer: response.body }).toEqual({
        body,
        status: 400,
        answer: { error },
      });
    }
  });

  it("refuses what the rules forbid with the documented 422s", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { duration: 120 });
    await engineOnClock("amend-rules").run(30);
    const progress = await read(token, order.id);
    expect(progress.executed_qty).toBeGreaterThan(0);

    const both = await amend(token, {
      order_id: order.id,
      changes: { base_asset_qty: 1, quote_asset_qty: 100 },
    });
    expect([both.status, both.body]).toEqual([
      422,
      { error: "Cannot update both base_asset_qty and quote_asset_qty" },
    ]);

    const belowExecuted = await amend(token, {
      order_id: order.id,
      changes: { base_asset_qty: String(progress.executed_qty) },
    });
    expect(belowExecuted.status).toBe(422);
    expect(belowExecuted.body.error).toMatch(
      /^changes\.base_asset_qty: must be at least 5% above the executed quantity \([\d.]+\): at least [\d.]+$/,
    );

    // 30 s elapsed: a duration must be at least 31.5 s.
    const shortDuration = await amend(token, { order_id: order.id, changes: { duration: 31 } });
    expect([shortDuration.status, shortDuration.body]).toEqual([
      422,
      { error: "changes.duration: must be at least 5% above the elapsed time (30 s): at least 32 s" },
    ]);
    const pov = await amend(token, { order_id: order.id, changes: { pov_target: 0.2 } });
    expect([pov.status, pov.body]).toEqual([
      422,
      { error: "changes.pov_target: can only be amended on a POV order" },
    ]);

    setClock(T0 + 110_000);
    const late = await amend(token, { order_id: order.id, changes: { duration: 600 } });
    expect([late.status, late.body]).toEqual([
      422,
      { error: "Cannot amend an order with less than 15 seconds left" },
    ]);

    const market = await submit(token, { strategy: "Market", base_asset_qty: "0.001", duration: 60 });
    await engineOnClock("amend-complete").run(2);
    const complete = await amend(token, { order_id: market.id, changes: { duration: 900 } });
    expect([complete.status, complete.body]).toEqual([
      422,
      { error: "Cannot amend an order that is complete." },
    ]);
  });

  it("amends a POV order's participation target within its limit", async () => {
    const { token } = await createTestUser();
    const order = await submit(token, { duration: undefined, pov_target: 0.05, pov_limit: 0.1 });
    expect((await amend(token, { order_id: order.id, changes: { pov_target: 0.08 } })).status).toBe(202);
    expect((await read(token, order.id)).pov_target).toBe(0.08);
    const over = await amend(token, { order_id: order.id, changes: { pov_target: 0.2 } });
    expect([over.status, over.body]).toEqual([
      422,
      { error: "changes.pov_target: must not exceed the order's pov_limit (0.1)" },
    ]);
  });

  it("never amends another user's order: the same 404 as a missing one", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const order = await submit(alice.token, { duration: 600 });
    const attempt = await amend(bob.token, { order_id: order.id, changes: { duration: 900 } });
    expect([attempt.status, attempt.body]).toEqual([404, { error: `Order ${order.id} not found` }]);
    expect((await read(alice.token, order.id)).duration).toBe(600);
  });
});
