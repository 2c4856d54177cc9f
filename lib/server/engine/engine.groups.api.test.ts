import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createTestUser } from "../testing/api-client";
import { submitMultiOrder } from "../services/multi-orders/submit-multi-order";
import { submitChainedOrder } from "../services/chains/submit-chained-order";
import { cancelOrder } from "../services/orders/cancel-order";
import { Engine } from "./engine";
import { progressOf } from "./groups";

const T0 = Date.UTC(2026, 10, 4, 13, 0, 0);

async function orders(ids: string[]) {
  const prisma = await db();
  const rows = await prisma.order.findMany({ where: { id: { in: ids } } });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

describe("[ENGINE] multi-orders: legs worked together", () => {
  it("keeps every leg within the exposure tolerance of the slowest, and completes both", async () => {
    const { user } = await createTestUser();
    const multi = await submitMultiOrder({
      userId: user.id,
      now: T0,
      input: {
        accounts: ["paper"],
        strategy: "TWAP",
        duration: 60,
        exposure_tolerance: "0.1",
        child_orders: [
          { pair: "BTC-USDT", side: "buy", base_asset_qty: "0.2" },
          // A Market leg would fill at once on its own; here it must follow the TWAP leg.
          { pair: "ETH-USDT", side: "sell", base_asset_qty: "5", strategy: "Market" },
        ],
      },
    });
    const ids = multi.orders.map((o) => o.id);
    const engine = new Engine({ workerId: "multi" });
    let maxLead = 0;
    for (let i = 0; i < 90; i++) {
      await engine.tick(T0 + i * 1000);
      const [a, b] = await orders(ids);
      const lead = progressOf(a!).sub(progressOf(b!)).abs().toNumber();
      // Measured until both are done: a leg that finished early while the other lagged counts too.
      if (!(a!.status === "complete" && b!.status === "complete")) maxLead = Math.max(maxLead, lead);
    }
    const [a, b] = await orders(ids);
    expect(a!.status).toBe("complete");
    expect(b!.status).toBe("complete");
    expect(maxLead).toBeLessThanOrEqual(0.11);
    expect(progressOf(b!).toNumber()).toBeGreaterThan(0.999);
  });

  it("canceling one leg cancels its siblings on the next tick", async () => {
    const { user } = await createTestUser();
    const multi = await submitMultiOrder({
      userId: user.id,
      now: T0,
      input: {
        accounts: ["paper"],
        strategy: "TWAP",
        duration: 120,
        child_orders: [
          { pair: "SOL-USDT", side: "buy", base_asset_qty: "50" },
          { pair: "ETH-USDT", side: "sell", base_asset_qty: "2" },
        ],
      },
    });
    const engine = new Engine({ workerId: "multi-cancel" });
    for (let i = 0; i < 10; i++) await engine.tick(T0 + i * 1000);
    await cancelOrder({ userId: user.id, orderId: multi.orders[0]!.id, now: T0 + 10_000 });
    for (let i = 10; i < 14; i++) await engine.tick(T0 + i * 1000);
    const [a, b] = await orders(multi.orders.map((o) => o.id));
    expect(a!.status).toBe("canceled");
    expect(b!.status).toBe("canceled");
    expect(b!.failureReason).toMatch(/^Canceled with sibling leg /);
    const prisma = await db();
    expect(await prisma.placement.count({ where: { orderId: b!.id, status: "open" } })).toBe(0);
  });

  it("rejects a multi-order with one leg, and names the bad leg's field", async () => {
    const { user } = await createTestUser();
    await expect(
      submitMultiOrder({
        userId: user.id,
        input: {
          accounts: ["paper"],
          strategy: "TWAP",
          duration: 60,
          child_orders: [{ pair: "BTC-USDT", side: "buy", base_asset_qty: "1" }],
        },
      }),
    ).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("child_orders") });
    await expect(
      submitMultiOrder({
        userId: user.id,
        input: {
          accounts: ["paper"],
          strategy: "TWAP",
          duration: 60,
          child_orders: [
            { pair: "BTC-USDT", side: "buy", base_asset_qty: "1" },
            { pair: "ETH-USDT", side: "sideways", base_asset_qty: "1" },
          ],
        },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("child_orders.1.side") });
    const prisma = await db();
    expect(await prisma.multiOrder.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("[ENGINE] chained orders: batches by priority", () => {
  it("starts the next batch only when the previous one is fully filled", async () => {
    const { user } = await createTestUser();
    const chain = await submitChainedOrder({
      userId: user.id,
      now: T0,
      input: {
        orders_in_chain: [
          {
            priority: 1,
            order_request: {
              pair: "BTC-USDT",
              side: "buy",
              strategy: "TWAP",
              duration: 20,
              base_asset_qty: "0.05",
              accounts: ["paper"],
            },
          },
          {
            priority: 2,
            order_request: {
              pair: "BTC-USDT",
              side: "sell",
              strategy: "TWAP",
              duration: 20,
              base_asset_qty: "0.05",
              accounts: ["paper"],
            },
          },
        ],
      },
    });
    const [first, second] = chain.orders;
    expect(first!.status).toBe("active");
    expect(second!.status).toBe("scheduled");
    const engine = new Engine({ workerId: "chain" });
    let secondStartedAt: number | null = null;
    let firstDoneAt: number | null = null;
    for (let i = 0; i < 60; i++) {
      const now = T0 + i * 1000;
      await engine.tick(now);
      const [a, b] = await orders([first!.id, second!.id]);
      if (a!.status === "complete" && firstDoneAt === null) firstDoneAt = now;
      if (b!.status !== "scheduled" && secondStartedAt === null) secondStartedAt = now;
    }
    const [a, b] = await orders([first!.id, second!.id]);
    expect(a!.status).toBe("complete");
    expect(b!.status).toBe("complete");
    expect(firstDoneAt).not.toBeNull();
    expect(secondStartedAt!).toBeGreaterThan(firstDoneAt!);
    expect(b!.timeStart!.getTime()).toBe(secondStartedAt);
  });

  it("a batch that ends partly filled stops the chain and cancels the rest", async () => {
    const { user } = await createTestUser();
    const chain = await submitChainedOrder({
      userId: user.id,
      now: T0,
      input: {
        orders_in_chain: [
          {
            priority: 1,
            order_request: {
              pair: "ETH-USDT",
              side: "buy",
              strategy: "TWAP",
              duration: 60,
              base_asset_qty: "3",
              accounts: ["paper"],
            },
          },
          {
            priority: 2,
            order_request: {
              pair: "ETH-USDT",
              side: "sell",
              strategy: "TWAP",
              duration: 60,
              base_asset_qty: "3",
              accounts: ["paper"],
            },
          },
        ],
      },
    });
    const [first, second] = chain.orders;
    const engine = new Engine({ workerId: "chain-stop" });
    for (let i = 0; i < 15; i++) await engine.tick(T0 + i * 1000);
    await cancelOrder({ userId: user.id, orderId: first!.id, now: T0 + 15_000 });
    for (let i = 15; i < 19; i++) await engine.tick(T0 + i * 1000);
    const [a, b] = await orders([first!.id, second!.id]);
    expect(a!.status).toBe("canceled");
    expect(b!.status).toBe("canceled");
    expect(b!.failureReason).toMatch(/^Chain stopped/);
    const prisma = await db();
    expect(await prisma.fill.count({ where: { orderId: b!.id } })).toBe(0);
  });
});
