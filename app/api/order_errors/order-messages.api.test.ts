import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { db } from "@/lib/server/db";
import { GET as orderErrors } from "./route";
import { POST as orderMessages } from "../order_messages/route";
import { POST as pauseOrder } from "../pause_order/route";
import { T0, engineOnClock, submit, useClock } from "../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const errorsOf = (token: string, query = "") =>
  call(orderErrors, { token, path: `/api/order_errors/${query}` });
const messagesOf = (token: string, body: unknown) => call(orderMessages, { method: "POST", token, body });

describe("[CORE] GET /api/order_errors/ and POST /api/order_messages/", () => {
  it("returns each order's log by id, newest first, with INFO, WARN and ERROR entries", async () => {
    const { token, account } = await createTestUser();
    const twap = await submit(token, { duration: 600 });
    // Funds leave the account after submit: the engine logs why it could not trade.
    const tiny = await submit(token, { strategy: "Market", base_asset_qty: "0.5", duration: 30 });
    await (
      await db()
    ).balance.update({
      where: { accountId_asset: { accountId: account.id, asset: "USDT" } },
      data: { amount: "10" },
    });
    await engineOnClock("order-messages").run(5);
    await call(pauseOrder, { method: "POST", token, body: { order_id: twap.id } });

    const both = await errorsOf(token, `?order_ids=${twap.id},${tiny.id}`);
    expect(both.status).toBe(200);
    expect(Object.keys(both.body).sort()).toEqual([twap.id, tiny.id].sort());
    const twapLog = both.body[twap.id];
    expect(twapLog.at(-1)).toEqual({
      message: "Order submitted via core: buy 0.1 BTC BTC-USDT with TWAP.",
      message_type: "INFO",
      created_at: new Date(T0).toISOString(),
    });
    const times = twapLog.map((m: { created_at: string }) => Date.parse(m.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const tinyTypes = new Set(both.body[tiny.id].map((m: { message_type: string }) => m.message_type));
    expect([...tinyTypes].some((type) => type === "WARN" || type === "ERROR")).toBe(true);

    // Without order_ids: every order of the caller that has messages.
    const all = await errorsOf(token);
    expect(Object.keys(all.body).sort()).toEqual([twap.id, tiny.id].sort());
    expect(all.body[twap.id]).toEqual(twapLog);

    const posted = await messagesOf(token, { order_ids: [twap.id] });
    expect([posted.status, posted.body]).toEqual([200, { [twap.id]: twapLog }]);
    const csv = await messagesOf(token, { order_ids: `${twap.id},${tiny.id}` });
    expect(Object.keys(csv.body).sort()).toEqual([twap.id, tiny.id].sort());
  });

  it("answers the seed's example ids, missing and foreign ids with the documented errors", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const order = await submit(alice.token);
    const seed = await errorsOf(
      alice.token,
      "?order_ids=6debb950-614a-4366-b73b-7d7574fd9e15,7fecb061-725b-5477-c84c-8e8685ge0f26",
    );
    expect([seed.status, seed.body]).toEqual([400, { error: "Invalid order ID format" }]);
    const missing = await errorsOf(alice.token, "?order_ids=6debb950-614a-4366-b73b-7d7574fd9e15");
    expect([missing.status, missing.body]).toEqual([
      404,
      { error: "Order 6debb950-614a-4366-b73b-7d7574fd9e15 not found" },
    ]);
    const empty = await errorsOf(alice.token, "?order_ids=");
    expect([empty.status, empty.body]).toEqual([400, { error: "No order ID given!" }]);
    const foreign = await errorsOf(bob.token, `?order_ids=${order.id}`);
    expect([foreign.status, foreign.body]).toEqual([404, { error: `Order ${order.id} not found` }]);
    expect((await errorsOf(bob.token)).body).toEqual({});
    const foreignPost = await messagesOf(bob.token, { order_ids: [order.id] });
    expect([foreignPost.status, foreignPost.body]).toEqual([404, { error: `Order ${order.id} not found` }]);
    const noIds = await messagesOf(alice.token, {});
    expect([noIds.status, noIds.body]).toEqual([400, { error: "Missing required field: order_ids" }]);
    const badIds = await messagesOf(alice.token, { order_ids: ["nope"] });
    expect([badIds.status, badIds.body]).toEqual([400, { error: "Invalid order ID format" }]);
  });
});
