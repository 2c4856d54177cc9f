import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/server/testing/api-client";
import { submitOrder } from "@/lib/server/services/orders/submit-order";
import { Engine } from "@/lib/server/engine/engine";
import { GET } from "./route";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frames carry arbitrary JSON the assertions read
type StreamFrame = { event: string; data: any };

/** Read SSE frames from a stream until `done` says stop (or the time runs out). */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  done: (events: StreamFrame[]) => boolean,
  timeoutMs = 10_000,
) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: StreamFrame[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  // One read in flight at a time: a read that lost the race still delivers its chunk later.
  let reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  while (!done(events) && Date.now() < deadline) {
    reading ??= reader.read();
    const chunk = await Promise.race([
      reading,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
    ]);
    if (chunk === null) continue;
    reading = null;
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (name && data) events.push({ event: name, data: JSON.parse(data) });
    }
  }
  return events;
}

describe("[STREAM] GET /api/stream", () => {
  it("sends ready, then the user's order, placement and fill events as the engine works the order", async () => {
    const { user, token } = await createTestUser();
    const abort = new AbortController();
    const request = new NextRequest("http://localhost:3000/api/stream", {
      headers: { authorization: `Token ${token}` },
      signal: abort.signal,
    });
    const response = await GET(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");

    const order = await submitOrder({
      userId: user.id,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "Market",
        duration: 60,
        base_asset_qty: "0.05",
        accounts: ["paper"],
      },
    });
    const engine = new Engine({ workerId: "stream" });
    const ticking = (async () => {
      for (let i = 0; i < 3; i++) await engine.tick(Date.now() + i * 1000);
    })();
    const events = await readEvents(response.body!, (seen) =>
      seen.some((e) => e.event === "order" && e.data.status === "COMPLETE"),
    );
    await ticking;
    abort.abort();

    expect(events[0]).toMatchObject({ event: "ready", data: { user_id: user.id } });
    const fills = events.filter((e) => e.event === "fill");
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.every((f) => f.data.order_id === order.id && f.data.side === "buy")).toBe(true);
    const filled = fills.reduce((sum, f) => sum + Number(f.data.executed_qty), 0);
    expect(filled).toBeCloseTo(0.05, 9);
    const complete = events.find((e) => e.event === "order" && e.data.status === "COMPLETE")!;
    expect(complete.data).toMatchObject({
      id: order.id,
      executed_qty: "0.05",
      pct_filled: "100.00",
      fee_asset: "USDT",
    });
    expect(events.some((e) => e.event === "placement" && e.data.order_id === order.id)).toBe(true);
  });

  it("never carries another user's events, and refuses a request without credentials", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const abort = new AbortController();
    const response = await GET(
      new NextRequest("http://localhost:3000/api/stream", {
        headers: { authorization: `Token ${bob.token}` },
        signal: abort.signal,
      }),
      {
        params: Promise.resolve({}),
      },
    );
    await submitOrder({
      userId: alice.user.id,
      input: {
        pair: "ETH-USDT",
        side: "sell",
        strategy: "Market",
        duration: 60,
        base_asset_qty: "1",
        accounts: ["paper"],
      },
    });
    await new Engine({ workerId: "stream-2" }).tick(Date.now());
    const events = await readEvents(response.body!, () => false, 1_500);
    abort.abort();
    expect(events.map((e) => e.event)).toEqual(["ready"]);

    const anonymous = await GET(new NextRequest("http://localhost:3000/api/stream"), {
      params: Promise.resolve({}),
    });
    expect(anonymous.status).toBe(401);
  });
});
