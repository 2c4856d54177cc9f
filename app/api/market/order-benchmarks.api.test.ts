import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { ZOrderBenchmarks } from "@/lib/contracts/market";
import { GET as benchmarksRoute } from "./order_benchmarks/route";
import { GET as orderRoute, DELETE as cancelRoute } from "../order/[id]/route";
import { T0, engineOnClock, submit, useClock } from "../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const benchmarks = (token: string) => call(benchmarksRoute, { token, path: "/api/market/order_benchmarks" });

describe("[MARKET] GET /api/market/order_benchmarks", () => {
  it("gives the arrival mid and interval VWAP of unfinished orders only, as the order detail has them", async () => {
    const { token } = await createTestUser();
    const running = await submit(token, { duration: 300 });
    const scheduled = await submit(token, { start_datetime: new Date(T0 + 3_600_000).toISOString() });
    const canceled = await submit(token);
    await call(cancelRoute, { method: "DELETE", token, params: { id: canceled.id } });
    await engineOnClock("benchmarks").run(10);

    const response = await benchmarks(token);
    expect(response.status).toBe(200);
    const body = ZOrderBenchmarks.parse(response.body);
    expect(body.benchmarks.map((b) => b.order_id).sort()).toEqual([running.id, scheduled.id].sort());

    const detail = (await call(orderRoute, { token, params: { id: running.id } })).body;
    const ofRunning = body.benchmarks.find((b) => b.order_id === running.id)!;
    expect(ofRunning.arrival_price).toBe(detail.arrival_price);
    expect(ofRunning.arrival_price).not.toBeNull();
    expect(ofRunning.vwap).toBe(detail.vwap);
    expect(body.benchmarks.find((b) => b.order_id === scheduled.id)).toMatchObject({
      arrival_price: null,
      vwap: null,
    });
  });

  it("shows nobody else's orders and needs the read scope", async () => {
    const alice = await createTestUser();
    await submit(alice.token);
    const bob = await createTestUser();
    expect((await benchmarks(bob.token)).body).toEqual({ benchmarks: [] });
    expect((await call(benchmarksRoute, { path: "/api/market/order_benchmarks" })).status).toBe(401);
    const { token: takerOnly } = await createTestUser({ scopes: ["taker"] });
    expect((await benchmarks(takerOnly)).status).toBe(403);
  });
});
