import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { POST as pauseOrder } from "./route";
import { POST as resumeOrder } from "../resume_order/route";
import { GET as getOrder } from "../order/[id]/route";
import { T0, engineOnClock, now, setClock, submit, useClock } from "../core-test-kit";

const SEED_ID = "6debb950-614a-4366-b73b-7d7574fd9e15";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const pause = (token: string, body: unknown) => call(pauseOrder, { method: "POST", token, body });
const resume = (token: string, body: unknown) => call(resumeOrder, { method: "POST", token, body });
const read = async (token: string, id: string) => (await call(getOrder, { token, params: { id } })).body;

describe("[CORE] POST /api/pause_order/ and /api/resume_order/", () => {
  it("pauses and resumes with the seed's bodies, and refuses the wrong states with the documented 422s", async () => {
    const { token } = await createTestUser();
    const seedPause = await pause(token, { order_id: SEED_ID });
    expect([seedPause.status, seedPause.body]).toEqual([404, { error: "No order found with given ID!" }]);
    const seedResume = await resume(token, { order_id: SEED_ID });
    expect([seedResume.status, seedResume.body]).toEqual([404, { error: "Order not found." }]);

    const order = await submit(token, { duration: 600 });
    const { run } = engineOnClock("pause-resume");
    await run(10);
    const notPaused = await resume(token, { order_id: order.id });
    expect([notPaused.status, notPaused.body]).toEqual([422, { error: "Order is not paused." }]);

    const paused = await pause(token, { order_id: order.id });
    expect([paused.status, paused.body]).toEqual([202, { message: "Successfully paused order." }]);
    expect(await read(token, order.id)).toMatchObject({
      status: "PAUSED",
      active: false,
      paused_at: new Date(now()).toISOString(),
    });
    const twice = await pause(token, { order_id: order.id });
    expect([twice.status, twice.body]).toEqual([422, { error: "Order is not running." }]);

    // The engine cancels the live placements, and nothing fills while paused.
    await run(3);
    const held = await read(token, order.id);
    expect(held.placements.some((p: { status: string }) => p.status === "ACTIVE")).toBe(false);
    await run(10);
    expect((await read(token, order.id)).executed_qty).toBe(held.executed_qty);

    const resumed = await resume(token, { order_id: order.id });
    expect([resumed.status, resumed.body]).toEqual([202, { message: "Successfully resumed order." }]);
    const after = await read(token, order.id);
    expect(after).toMatchObject({ status: "ACTIVE", resumed_at: new Date(now()).toISOString() });
    // The end time moves by the length of the pause.
    expect(Date.parse(after.time_end)).toBeGreaterThan(T0 + 600_000);
  });

  it("does not pause an order that is not running", async () => {
    const { token } = await createTestUser();
    const scheduled = await submit(token, { start_datetime: new Date(now() + 3_600_000).toISOString() });
    const refused = await pause(token, { order_id: scheduled.id });
    expect([refused.status, refused.body]).toEqual([422, { error: "Order is not running." }]);
  });

  it("answers missing and malformed order ids, and malformed JSON, with the documented 400s", async () => {
    const { token } = await createTestUser();
    for (const action of [pause, resume]) {
      const cases: [unknown, unknown][] = [
        [{}, { error: "Missing required field: order_id" }],
        [{ order_id: null }, { error: "Missing required field: order_id" }],
        [{ order_id: "6debb950" }, { error: "Invalid order ID format" }],
        [{ order_id: 42 }, { error: "Invalid order ID format" }],
      ];
      for (const [body, answer] of cases) {
        const response = await action(token, body);
        expect([response.status, response.body]).toEqual([400, answer]);
      }
      const malformed = await action(token, '{"order_id": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatch(/^JSON parse error - /);
    }
  });

  it("never pauses or resumes another user's order: the same 404 as a missing one", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const order = await submit(alice.token);
    const bobPause = await pause(bob.token, { order_id: order.id });
    expect([bobPause.status, bobPause.body]).toEqual([404, { error: "No order found with given ID!" }]);
    expect((await pause(alice.token, { order_id: order.id })).status).toBe(202);
    const bobResume = await resume(bob.token, { order_id: order.id });
    expect([bobResume.status, bobResume.body]).toEqual([404, { error: "Order not found." }]);
    expect((await read(alice.token, order.id)).status).toBe("PAUSED");
    setClock(T0);
  });
});
