import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "@/lib/server/testing/api-client";
import { db } from "@/lib/server/db";
import { POST as fillRoute } from "./route";
import { POST as unlockRoute } from "../unlock/route";
import { GET as takerOrdersRoute } from "../../takers/orders/route";
import { GET as fillsRoute } from "../../takers/fills/route";
import { balanceOf, desk, E18, lock, maker, post, rpc, taker } from "../../rfq-test-kit";

// POST /api/v1/orders/fill on the real local chain: makers are viem wallets, settlement is the
// RFQSettlement contract, tx_hash a mined transaction.
const fillBody = (o: Awaited<ReturnType<typeof post>>, fill: string, incentive = "0") => ({
  order: o.order,
  signature: o.signature,
  fill_quantity: fill,
  taker_incentive: incentive,
});

async function snapshot(orderHash: string, principal: `0x${string}`) {
  const prisma = await db();
  const d = await desk();
  return {
    order: await prisma.rfqOrder.findUnique({ where: { orderHash } }),
    fills: await prisma.rfqFill.count({ where: { order: { orderHash } } }),
    principalAapl: await balanceOf(d.aapl, principal),
  };
}

afterEach(() => vi.useRealTimers());

describe("[RFQ] POST /api/v1/orders/fill", () => {
  it("fills the seed's example: 50 of 100 at 150.25 — 7512.5 filled, 75.125 fee, 0.5 incentive, a mined tx, 50 AAPL to the principal", async () => {
    const m = await maker();
    const t = await taker();
    const o = await post(m);
    const d = await desk();
    const makerBefore = await balanceOf(d.usd, m.account.address);
    const takerBefore = await balanceOf(d.usd, t.address);
    expect((await lock(t, o.created.order_hash)).body.data).toMatchObject({
      status: "locked",
      locked_by: t.address,
    });

    const response = await call(fillRoute, {
      method: "POST",
      headers: t.key,
      body: fillBody(o, "50", "500000000000000000"),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      code: 0,
      data: {
        success: true,
        tx_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
        order_hash: o.created.order_hash,
        filled_quantity: "50",
        filled_amount: "7512500000000000000000",
        fee_amount: "75125000000000000000",
        incentive_amount: "500000000000000000",
        status: "partially_filled",
      },
    });
    const { open } = await rpc();
    const receipt = await open.client.getTransactionReceipt({ hash: response.body.data.tx_hash });
    expect(receipt.status).toBe("success");
    expect(receipt.to?.toLowerCase()).toBe(d.settlement.toLowerCase());
    // exactly the fill moved on the chain
    expect(await balanceOf(d.aapl, o.order.principal as `0x${string}`)).toBe(50n);
    expect(await balanceOf(d.usd, m.account.address)).toBe(
      makerBefore - 7_512_500_000_000_000_000_000n - 75_125_000_000_000_000_000n - E18 / 2n,
    );
    expect(await balanceOf(d.usd, t.address)).toBe(takerBefore + 7_513_000_000_000_000_000_000n);

    const listed = await call(takerOrdersRoute, {
      path: `/api/v1/takers/orders?status=partially_filled`,
      headers: t.key,
    });
    expect(
      listed.body.data.items.find((i: { order_hash: string }) => i.order_hash === o.created.order_hash),
    ).toMatchObject({
      status: "partially_filled",
      filled_quantity: "50",
      remaining_quantity: "0",
    });
    const fills = await call(fillsRoute, { path: "/api/v1/takers/fills", headers: t.key });
    expect(fills.body.data.items[0]).toMatchObject({
      tx_hash: response.body.data.tx_hash,
      status: "mined",
      fill_quantity: "50",
    });

    // partially_filled is final: the rest is released, not fillable here
    const again = await call(fillRoute, { method: "POST", headers: t.key, body: fillBody(o, "10") });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 200208,
      details: { reason: "invalid_status", status: "partially_filled" },
    });
  });

  it("fills all of an order to `filled`", async () => {
    const m = await maker();
    const t = await taker();
    const o = await post(m, { quantity: "10" });
    await lock(t, o.created.order_hash);
    const response = await call(fillRoute, {
      method: "POST",
      headers: t.key,
      body: fillBody(o, "10", "1000000000000000000"),
    });
    expect(response.body.data).toMatchObject({
      status: "filled",
      filled_quantity: "10",
      filled_amount: "1502500000000000000000",
    });
  });

  describe("refuses, with a clear error, and changes nothing in the database or on the chain", () => {
    it.each<[string, (ctx: Ctx) => Promise<{ body: unknown }>, number, string]>([
      ["a fill above the remainder", (c) => c.fill(fillBody(c.o, "101")), 200203, "fill_exceeds_remainder"],
      ["a fill of nothing", (c) => c.fill(fillBody(c.o, "0")), 200203, "fill_exceeds_remainder"],
      [
        "an incentive above the pro-rata share",
        (c) => c.fill(fillBody(c.o, "50", "500000000000000001")),
        200204,
        "incentive_too_high",
      ],
      ["a fill by another taker", (c) => c.fill(fillBody(c.o, "10"), c.other.key), 200202, "locked_by_other"],
      [
        "a tampered order",
        (c) => c.fill({ ...fillBody(c.o, "10"), order: { ...c.o.order, price: "1" } }),
        200108,
        "order_mismatch",
      ],
      [
        "a forged signature",
        (c) => c.fill({ ...fillBody(c.o, "10"), signature: `0x${"11".repeat(65)}` }),
        200101,
        "invalid_signature",
      ],
    ])("%s", async (_, act, code, reason) => {
      const c = await context({ locked: true });
      const before = await snapshot(c.o.created.order_hash, c.o.order.principal as `0x${string}`);
      const response = (await act(c)) as { status: number; body: Record<string, unknown> };
      expect(response.body).toMatchObject({ code, message: expect.any(String), details: { reason } });
      expect(await snapshot(c.o.created.order_hash, c.o.order.principal as `0x${string}`)).toEqual(before);
    });

    it("an order that is not locked (pending, then unlocked)", async () => {
      const c = await context({ locked: false });
      const first = await c.fill(fillBody(c.o, "10"));
      expect(first.status).toBe(409);
      expect(first.body).toMatchObject({ code: 200201, details: { reason: "order_not_locked" } });
      await lock(c.t, c.o.created.order_hash);
      const unlocked = await call(unlockRoute, {
        method: "POST",
        headers: c.t.key,
        body: { order_hash: c.o.created.order_hash },
      });
      expect(unlocked.body.data.status).toBe("pending");
      expect((await c.fill(fillBody(c.o, "10"))).body).toMatchObject({ code: 200201 });
      expect(await balanceOf((await desk()).aapl, c.o.order.principal as `0x${string}`)).toBe(0n);
    });

    it("a fill after the deadline", async () => {
      const c = await context({ locked: true });
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 2 * 3600_000);
      const response = await c.fill(fillBody(c.o, "10"));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 200102, details: { reason: "order_expired" } });
      vi.useRealTimers();
      expect(await balanceOf((await desk()).aapl, c.o.order.principal as `0x${string}`)).toBe(0n);
      expect(
        (await db()).rfqFill.count({ where: { order: { orderHash: c.o.created.order_hash } } }),
      ).resolves.toBe(0);
    });
  });

  it("never over-fills under two concurrent fills: one settles, the other is refused", async () => {
    const c = await context({ locked: true });
    const [a, b] = await Promise.all([c.fill(fillBody(c.o, "60")), c.fill(fillBody(c.o, "60"))]);
    const ok = [a, b].filter((r) => r.status === 200);
    const refused = [a, b].filter((r) => r.status !== 200);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body).toMatchObject({
      code: expect.any(Number),
      details: { reason: expect.stringMatching(/fill_in_progress|invalid_status/) },
    });
    expect(await balanceOf((await desk()).aapl, c.o.order.principal as `0x${string}`)).toBe(60n);
    const row = await (
      await db()
    ).rfqOrder.findUniqueOrThrow({ where: { orderHash: c.o.created.order_hash } });
    expect(row.filledQuantity.toFixed()).toBe("60");
  });
});

interface Ctx {
  o: Awaited<ReturnType<typeof post>>;
  t: Awaited<ReturnType<typeof taker>>;
  other: Awaited<ReturnType<typeof taker>>;
  fill(
    body: unknown,
    key?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

async function context({ locked }: { locked: boolean }): Promise<Ctx> {
  const m = await maker();
  const [t, other] = await Promise.all([taker(), taker()]);
  const o = await post(m);
  if (locked) await lock(t, o.created.order_hash);
  return {
    o,
    t,
    other,
    fill: (body, key = t.key) => call(fillRoute, { method: "POST", headers: key, body }),
  };
}
