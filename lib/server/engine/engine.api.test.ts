import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/domain/shared/decimal";
import { db } from "../db";
import { createTestUser } from "../testing/api-client";
import { submitOrder } from "../services/orders/submit-order";
import { pauseOrder } from "../services/orders/pause-order";
import { resumeOrder } from "../services/orders/resume-order";
import { cancelOrder } from "../services/orders/cancel-order";
import { Engine } from "./engine";

const T0 = Date.UTC(2026, 10, 2, 14, 0, 0);

async function runTicks(engine: Engine, from: number, seconds: number, stepMs = 1000) {
  let now = from;
  for (let i = 0; i < seconds; i++) {
    await engine.tick(now);
    now += stepMs;
  }
  return now;
}

async function fillsAndOrder(orderId: string) {
  const prisma = await db();
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const fills = await prisma.fill.findMany({ where: { orderId } });
  const total = fills.reduce((sum, f) => sum.add(f.size.toString()), new Dec(0));
  return { order, fills, total };
}

describe("[ENGINE] a TWAP on the simulated venue, driven tick by tick", () => {
  it("completes its quantity, records every fill once, and moves the paper balances", async () => {
    const { user, account } = await createTestUser();
    const prisma = await db();
    const before = await prisma.balance.findMany({ where: { accountId: account.id } });
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 120,
        base_asset_qty: "0.5",
        accounts: ["paper"],
      },
    });
    expect(order.status).toBe("active");
    const engine = new Engine({ workerId: "test-worker", clock: () => T0 });
    await runTicks(engine, T0, 140);
    const { order: done, fills, total } = await fillsAndOrder(order.id);
    expect(done.status).toBe("complete");
    expect(total.toFixed()).toBe(done.executedBase.toString());
    expect(new Dec(done.executedBase.toString()).sub("0.5").abs().lte("0.00001")).toBe(true);
    expect(new Set(fills.map((f) => f.externalId)).size).toBe(fills.length);
    const after = await prisma.balance.findMany({ where: { accountId: account.id } });
    const btc = (rows: typeof after) => new Dec(rows.find((b) => b.asset === "BTC")!.amount.toString());
    const usdt = (rows: typeof after) => new Dec(rows.find((b) => b.asset === "USDT")!.amount.toString());
    expect(btc(after).sub(btc(before)).toFixed()).toBe(total.toFixed());
    const spent = fills.reduce((sum, f) => sum.add(f.notional.toString()).add(f.fee.toString()), new Dec(0));
    expect(usdt(before).sub(usdt(after)).toFixed()).toBe(spent.toFixed());
    const messages = await prisma.orderMessage.findMany({ where: { orderId: order.id } });
    expect(messages.some((m) => m.message.startsWith("Order complete"))).toBe(true);
  });

  it("pause stops trading and cancels live children; resume finishes; cancel closes with no open child", async () => {
    const { user } = await createTestUser();
    const prisma = await db();
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "ETH-USDT",
        side: "sell",
        strategy: "TWAP",
        duration: 300,
        base_asset_qty: "20",
        accounts: ["paper"],
        engine_passiveness: "0.3",
      },
    });
    const engine = new Engine({ workerId: "test-worker-2", clock: () => T0 });
    let now = await runTicks(engine, T0, 60);
    await pauseOrder({ userId: user.id, orderId: order.id, now });
    now = await runTicks(engine, now, 5);
    const paused = await fillsAndOrder(order.id);
    expect(paused.order.status).toBe("paused");
    expect(await prisma.placement.count({ where: { orderId: order.id, status: "open" } })).toBe(0);
    now = await runTicks(engine, now, 30);
    expect((await fillsAndOrder(order.id)).total.toFixed()).toBe(paused.total.toFixed());

    await resumeOrder({ userId: user.id, orderId: order.id, now });
    now = await runTicks(engine, now, 60);
    const resumed = await fillsAndOrder(order.id);
    expect(resumed.total.gt(paused.total)).toBe(true);

    await cancelOrder({ userId: user.id, orderId: order.id, now });
    await runTicks(engine, now, 2);
    const canceled = await fillsAndOrder(order.id);
    expect(canceled.order.status).toBe("canceled");
    expect(await prisma.placement.count({ where: { orderId: order.id, status: "open" } })).toBe(0);
    expect(canceled.total.toFixed()).toBe(canceled.order.executedBase.toString());
  });
});

describe("[ENGINE] housekeeping between ticks", () => {
  it("runs when due, not on every tick, keeps ticking when it fails, and stops with the engine", async () => {
    let clock = T0;
    const calls: number[] = [];
    let failNext = true;
    const engine = new Engine({
      workerId: "housekeeping",
      tickMs: 5,
      clock: () => clock,
      housekeepingMs: 1_000,
      housekeeping: async (now) => {
        calls.push(now);
        if (failNext) {
          failNext = false;
          throw new Error("sweep failed");
        }
      },
    });
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      engine.start();
      // Each real 5 ms tick advances the engine's clock by 300 ms: housekeeping is due every 4th.
      for (let i = 0; i < 40 && calls.length < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        clock += 300;
      }
      await engine.stop();
    } finally {
      console.error = originalError;
    }
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < calls.length; i++) expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(1_000);
    expect(errors).toContain("[engine] housekeeping failed");
    const stoppedAt = calls.length;
    clock += 10_000;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(stoppedAt);
  });
});

describe("[ENGINE] leases between two workers", () => {
  it("a live lease is not taken; a lapsed one is taken over and the old holder's write is dropped", async () => {
    const { user } = await createTestUser();
    const prisma = await db();
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "ETH-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 600,
        base_asset_qty: "1",
        accounts: ["paper"],
      },
    });
    const lease = async () =>
      prisma.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { leaseOwner: true, leaseExpiresAt: true, version: true },
      });
    const a = new Engine({ workerId: "worker-a", leaseMs: 10_000, clock: () => T0 });
    const b = new Engine({ workerId: "worker-b", leaseMs: 10_000, clock: () => T0 });

    expect((await a.tick(T0)).claimed).toBe(1);
    expect(await lease()).toMatchObject({ leaseOwner: "worker-a", leaseExpiresAt: new Date(T0 + 10_000) });
    // B sees a live lease: it claims nothing and writes nothing.
    expect(await b.tick(T0 + 1_000)).toMatchObject({ claimed: 0, written: 0 });
    // A keeps the order; its write renews the lease.
    expect((await a.tick(T0 + 2_000)).written).toBe(1);
    expect((await lease()).leaseExpiresAt).toEqual(new Date(T0 + 12_000));

    // A goes silent. Before the lease lapses B still takes nothing; after, B takes the order over.
    expect((await b.tick(T0 + 11_000)).claimed).toBe(0);
    expect((await b.tick(T0 + 12_001)).written).toBe(1);
    const taken = await lease();
    expect(taken.leaseOwner).toBe("worker-b");
    // A wakes up: B's lease is live, so A claims nothing, and the order's version moves only with B.
    expect(await a.tick(T0 + 13_000)).toMatchObject({ claimed: 0, written: 0 });
    expect((await lease()).version).toBe(taken.version);
    expect((await b.tick(T0 + 14_000)).written).toBe(1);
    expect((await lease()).version).toBe(taken.version + 1);
  });
});
