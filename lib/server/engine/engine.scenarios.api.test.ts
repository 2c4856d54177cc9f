import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createTestUser } from "../testing/api-client";
import { submitOrder } from "../services/orders/submit-order";
import { venue } from "../venues";
import { Engine } from "./engine";

// Engine paths around the algorithms, with an explicit clock: when an order may start, and the
// clear messages a trader gets when it cannot trade.
const T0 = Date.UTC(2026, 10, 3, 15, 0, 0);

async function tickRange(engine: Engine, from: number, seconds: number) {
  for (let i = 0; i < seconds; i++) await engine.tick(from + i * 1000);
  return from + seconds * 1000;
}

async function load(orderId: string) {
  const prisma = await db();
  return {
    order: await prisma.order.findUniqueOrThrow({ where: { id: orderId } }),
    messages: (await prisma.orderMessage.findMany({ where: { orderId }, orderBy: { id: "asc" } })).map(
      (m) => `${m.level} ${m.message}`,
    ),
    fills: await prisma.fill.count({ where: { orderId } }),
    placements: await prisma.placement.findMany({ where: { orderId } }),
  };
}

describe("[ENGINE] when an order starts", () => {
  it("stays SCHEDULED until start_datetime, then starts with its arrival price", async () => {
    const { user } = await createTestUser();
    const start = T0 + 30_000;
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "ETH-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 60,
        base_asset_qty: "1",
        accounts: ["paper"],
        start_datetime: new Date(start).toISOString(),
      },
    });
    expect(order.status).toBe("scheduled");
    const engine = new Engine({ workerId: "sched" });
    await tickRange(engine, T0, 29);
    let state = await load(order.id);
    expect(state.order.status).toBe("scheduled");
    expect(state.fills).toBe(0);
    await tickRange(engine, start, 3);
    state = await load(order.id);
    expect(state.order.status).toBe("active");
    expect(state.order.timeStart?.getTime()).toBe(start);
    expect(state.order.timeEnd?.getTime()).toBe(start + 60_000);
    expect(state.order.arrivalPrice?.toString()).toBe(venue("sim").book("ETH-USDT", start).mid.toFixed());
  });

  it("starts a conditional order only once its condition is true", async () => {
    const { user } = await createTestUser();
    const at = T0 + 20_000;
    // TIME is epoch seconds: true from T0 + 20 s.
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "SOL-USDT",
        side: "sell",
        strategy: "TWAP",
        duration: 60,
        base_asset_qty: "10",
        accounts: ["paper"],
        order_condition: `TIME ${at / 1000} >=`,
      },
    });
    expect(order.status).toBe("scheduled");
    const engine = new Engine({ workerId: "cond" });
    await tickRange(engine, T0, 20);
    expect((await load(order.id)).order.status).toBe("scheduled");
    await tickRange(engine, at, 2);
    const state = await load(order.id);
    expect(state.order.status).toBe("active");
    expect(state.messages.some((m) => m.includes("Order condition met"))).toBe(true);
  });

  it("gates on a venue price and never starts while it is false; the condition then expires", async () => {
    const { user } = await createTestUser();
    const mid = venue("sim").book("BTC-USDT", T0).mid;
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 60,
        base_asset_qty: "0.01",
        accounts: ["paper"],
        order_condition: `BTC-USDT@sim ${mid.div(2).toFixed(2)} <=`,
        order_condition_expiry: new Date(T0 + 10_000).toISOString(),
      },
    });
    const engine = new Engine({ workerId: "cond-expiry" });
    await tickRange(engine, T0, 9);
    expect((await load(order.id)).order.status).toBe("scheduled");
    await tickRange(engine, T0 + 10_000, 2);
    const state = await load(order.id);
    expect(state.order.status).toBe("canceled");
    expect(state.order.failureReason).toBe("Order condition expired");
    expect(state.fills).toBe(0);
    expect(state.messages.some((m) => m.startsWith("WARN Order condition expired"))).toBe(true);
  });
});

describe("[ENGINE] orders that cannot trade say why", () => {
  it("fails a stored order whose condition would expand exponentially, once, instead of freezing every tick", async () => {
    const { user } = await createTestUser();
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 60,
        base_asset_qty: "0.01",
        accounts: ["paper"],
        order_condition: "TIME 0 <",
      },
    });
    // As stored before conditions were bounded: 60 variables, each using the next twice (2^60 terms
    // when walked without sharing; this froze the process on every tick, and again after a restart).
    const vars = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`v${i}`, i === 59 ? "1" : `v${i + 1} v${i + 1} +`]),
    );
    const prisma = await db();
    await prisma.order.update({
      where: { id: order.id },
      data: { orderCondition: "v0 0 >", orderConditionVars: vars },
    });
    const engine = new Engine({ workerId: "cond-bomb" });
    await tickRange(engine, T0, 3);
    const state = await load(order.id);
    expect(state.order.status).toBe("failed");
    expect(state.order.failureReason).toBe(
      "Order condition cannot be evaluated: order_condition_vars: At most 50 variables, got 60",
    );
    expect(state.messages.filter((m) => m.includes("Order condition cannot be evaluated"))).toHaveLength(1);
    expect(state.placements).toEqual([]);
  });

  it("fails with the balance shortfall when funds left the account after submit", async () => {
    const { user, account } = await createTestUser();
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "Market",
        duration: 60,
        base_asset_qty: "2",
        accounts: ["paper"],
      },
    });
    const prisma = await db();
    await prisma.balance.update({
      where: { accountId_asset: { accountId: account.id, asset: "USDT" } },
      data: { amount: "1000" },
    });
    await tickRange(new Engine({ workerId: "poor" }), T0, 3);
    const state = await load(order.id);
    expect(state.order.status).toBe("failed");
    expect(state.order.failureReason).toMatch(/Insufficient balance/);
    expect(state.placements.map((p) => p.subStatus)).toContain("INSUFFICIENT_BALANCE");
    const usdt = await prisma.balance.findUniqueOrThrow({
      where: { accountId_asset: { accountId: account.id, asset: "USDT" } },
    });
    expect(usdt.amount.toString()).toBe("1000");
  });

  it("refuses an order below the venue minimum at submit, naming the field", async () => {
    const { user } = await createTestUser();
    await expect(
      submitOrder({
        userId: user.id,
        now: T0,
        input: {
          pair: "BTC-USDT",
          side: "buy",
          strategy: "TWAP",
          duration: 30,
          base_asset_qty: "0.00003",
          accounts: ["paper"],
        },
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      fieldErrors: [{ field: "base_asset_qty", message: expect.stringContaining("min notional 5 USDT") }],
    });
  });

  it("a remainder below the venue minimum is rejected with MIN_AMOUNT and the order closes with a clear note", async () => {
    const { user } = await createTestUser();
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 30,
        base_asset_qty: "0.001",
        accounts: ["paper"],
      },
    });
    // What is left to trade is now below the minimum (as after an amend or a price fall).
    await (
      await db()
    ).order.update({ where: { id: order.id }, data: { targetQty: "0.00003", qtyValue: "0.00003" } });
    await tickRange(new Engine({ workerId: "tiny" }), T0, 40);
    const state = await load(order.id);
    expect(["complete", "failed"]).toContain(state.order.status);
    expect(state.fills).toBe(0);
    expect(state.placements.some((p) => p.subStatus === "MIN_AMOUNT")).toBe(true);
    expect(state.messages.join("\n")).toMatch(/MIN_AMOUNT|minimum/i);
  });
});
