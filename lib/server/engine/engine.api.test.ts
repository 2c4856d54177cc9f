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
