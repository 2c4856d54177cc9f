import { afterEach, describe, expect, it, vi } from "vitest";
import { parseTransaction, type Hex } from "viem";
import { db } from "@/lib/server/db";
import { AmmVenue } from "@/lib/server/venues/amm";
import {
  balancesOf,
  createOrder,
  defiBuy,
  gatewayOrder,
  defiTrader,
  execute,
} from "@/app/v1/gateway/gateway-test-kit";
import { createGatewayOrder } from "./create-gateway-order";
import { settleDefiOrder } from "./settle-defi-order";
import { STUCK_PENDING_MS, sweepGatewayOrders } from "./sweep-gateway-orders";

/** Make the chain drop the connection on the `nth` submit (1-based), after the earlier ones went through. */
function chainDropsOnSubmit(nth: number) {
  const real = AmmVenue.prototype.submit;
  let calls = 0;
  vi.spyOn(console, "error").mockImplementation(() => {}); // the execute logs the fault; expected here
  return vi.spyOn(AmmVenue.prototype, "submit").mockImplementation(function (this: AmmVenue, ...args) {
    calls++;
    if (calls === nth) return Promise.reject(new Error("connect ECONNRESET 127.0.0.1:8545"));
    return real.apply(this, args);
  });
}

afterEach(() => vi.restoreAllMocks());

describe("[GATEWAY] sweep: expired unsigned orders", () => {
  it("cancels an initialized order once its payloads expired, says why, and frees its nonces", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const issued = Date.now() - 5 * 60_000 - 1_000;
    const stale = await createGatewayOrder({
      userId: trader.user.id,
      request: defiBuy() as never,
      now: issued,
    });
    const fresh = await createOrder(trader.token, defiBuy({ qty: "10" }));
    expect(fresh.status).toBe(201);

    const swept = await sweepGatewayOrders();
    expect(swept.expired).toEqual([stale.order_id]);

    const canceled = await gatewayOrder(trader.token, stale.order_id);
    expect(canceled.body).toMatchObject({ status: "canceled", executed_qty: "0", fills: [] });
    const messages = await (await db()).orderMessage.findMany({ where: { orderId: stale.order_id } });
    expect(messages.map((m) => m.message)).toContain(
      `Order canceled: its payloads expired unsigned at ${new Date(issued + 5 * 60_000).toISOString()}. Nothing was submitted; create a new order to trade.`,
    );
    // A canceled order cannot be executed; the one still in time is untouched and executes.
    expect((await execute(trader.token, stale.order_id, stale.payloads!.map(trader.key.stamp))).status).toBe(
      409,
    );
    expect((await gatewayOrder(trader.token, fresh.body.order_id)).body.status).toBe("initialized");
    expect(
      (
        await execute(
          trader.token,
          fresh.body.order_id,
          (fresh.body.payloads as string[]).map(trader.key.stamp),
        )
      ).body,
    ).toEqual({ status: "complete" });
    // Nothing moved for the canceled order: 5,000 − 10 USDC.
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4990");
    expect((await sweepGatewayOrders()).expired).toEqual([]);
  });
});

describe("[GATEWAY] an order behind one that expired unsigned", () => {
  it("cannot execute (its nonces follow a gap) and says so, and a new order executes", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const issued = Date.now() - 4 * 60_000; // expires in a minute
    const first = await createGatewayOrder({
      userId: trader.user.id,
      request: defiBuy() as never,
      now: issued,
    });
    const second = await createOrder(trader.token, defiBuy({ qty: "10" })); // nonces 2 and 3
    expect(second.status).toBe(201);
    expect((await sweepGatewayOrders({ now: issued + 5 * 60_000 + 1 })).expired).toEqual([first.order_id]);

    const stuck = await execute(
      trader.token,
      second.body.order_id,
      (second.body.payloads as string[]).map(trader.key.stamp),
    );
    expect(stuck.status).toBe(409);
    expect(stuck.body).toEqual({
      message: `Order ${second.body.order_id} starts at nonce 2, but ${trader.address} is at nonce 0 and no order waiting for signatures holds the nonces in between (an earlier one expired or was canceled unsigned): it can never execute; create a new order.`,
    });
    // Nothing was consumed or moved. A new order fills the hole (nonces 0 and 1) and executes;
    // then the one behind it can execute too.
    expect((await gatewayOrder(trader.token, second.body.order_id)).body.status).toBe("initialized");
    const fresh = await createOrder(trader.token, defiBuy({ qty: "10" }));
    const nonces = (fresh.body.payloads as string[]).map(
      (text) => parseTransaction(JSON.parse(text).unsignedTransaction as Hex).nonce,
    );
    expect(nonces).toEqual([0, 1]);
    const stamps = (body: { payloads: string[] }) => body.payloads.map(trader.key.stamp);
    expect((await execute(trader.token, fresh.body.order_id, stamps(fresh.body))).body).toEqual({
      status: "complete",
    });
    expect((await execute(trader.token, second.body.order_id, stamps(second.body))).body).toEqual({
      status: "complete",
    });
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4980");
  });
});

describe("[GATEWAY] sweep: settlements cut off half-way", () => {
  it("an execute whose chain connection drops after the approve answers pending; the sweep completes it once", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "1000" }));
    const orderId = created.body.order_id as string;
    const stamps = (created.body.payloads as string[]).map(trader.key.stamp);

    chainDropsOnSubmit(2); // the approve is included, the swap never reaches the chain
    const executed = await execute(trader.token, orderId, stamps);
    vi.restoreAllMocks();
    expect(executed.status).toBe(200);
    expect(executed.body).toEqual({ status: "pending" });
    const pending = await gatewayOrder(trader.token, orderId);
    expect(pending.body).toMatchObject({ status: "pending", executed_qty: "0", fills: [] });
    expect(pending.body.tx_hashes).toHaveLength(2);
    expect((await balancesOf(trader.token, "local")).USDC).toBe("5000");

    // Within the grace period a pending order is the execute request's: the sweep leaves it.
    expect((await sweepGatewayOrders()).settled).toEqual([]);

    const later = Date.now() + STUCK_PENDING_MS + 1_000;
    const swept = await sweepGatewayOrders({ now: later });
    expect(swept).toEqual({ expired: [], settled: [{ id: orderId, status: "complete" }], retry: [] });

    const done = await gatewayOrder(trader.token, orderId);
    expect(done.body).toMatchObject({ status: "complete", executed_quote_qty: "1000", failure_reason: null });
    expect(done.body.tx_hashes).toEqual(pending.body.tx_hashes); // the same transactions, not new ones
    expect(done.body.fills).toHaveLength(1);
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4000");
    const prisma = await db();
    expect(await prisma.ledgerTransaction.count({ where: { orderId } })).toBe(2);
    const log = (await prisma.orderMessage.findMany({ where: { orderId }, orderBy: { id: "asc" } })).map(
      (m) => m.message,
    );
    expect(log.filter((m) => m.startsWith("The execute request stopped"))).toHaveLength(1);
    expect(log.at(-1)).toMatch(/^Order complete: Swap 1,000 USDC filled 0\.\d+ ETH/);

    // Again, and twice at once: nothing more is sent or recorded.
    expect((await sweepGatewayOrders({ now: later + 10_000 })).settled).toEqual([]);
    expect(
      await Promise.all([settleDefiOrder(orderId, { now: later }), settleDefiOrder(orderId, { now: later })]),
    ).toEqual(["complete", "complete"]);
    expect(await prisma.fill.count({ where: { orderId } })).toBe(1);
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4000");
  });

  it("two settlements racing on one pending order record one fill and one outcome", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "200" }));
    const orderId = created.body.order_id as string;
    chainDropsOnSubmit(1); // nothing reaches the chain
    expect(
      (await execute(trader.token, orderId, (created.body.payloads as string[]).map(trader.key.stamp))).body,
    ).toEqual({
      status: "pending",
    });
    vi.restoreAllMocks();
    const now = Date.now();
    const outcomes = await Promise.all([
      settleDefiOrder(orderId, { now }),
      settleDefiOrder(orderId, { now }),
    ]);
    expect(outcomes).toEqual(["complete", "complete"]);
    const prisma = await db();
    expect(await prisma.fill.count({ where: { orderId } })).toBe(1);
    expect(await prisma.placement.count({ where: { orderId } })).toBe(1);
    expect(await prisma.ledgerTransaction.count({ where: { orderId } })).toBe(2);
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4800");
  });

  it("while the chain stays down the order stays pending, is retried, and says so only once", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "10" }));
    const orderId = created.body.order_id as string;
    vi.spyOn(AmmVenue.prototype, "submit").mockRejectedValue(
      new Error("connect ECONNREFUSED 127.0.0.1:8545"),
    );
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(
      (await execute(trader.token, orderId, (created.body.payloads as string[]).map(trader.key.stamp))).body,
    ).toEqual({
      status: "pending",
    });
    const later = Date.now() + STUCK_PENDING_MS + 1_000;
    for (const offset of [0, 10_000, 20_000]) {
      expect(await sweepGatewayOrders({ now: later + offset })).toEqual({
        expired: [],
        settled: [],
        retry: [orderId],
      });
    }
    vi.restoreAllMocks();
    expect((await sweepGatewayOrders({ now: later + 30_000 })).settled).toEqual([
      { id: orderId, status: "complete" },
    ]);
    const prisma = await db();
    expect(
      await prisma.orderMessage.count({
        where: { orderId, message: { startsWith: "The execute request stopped" } },
      }),
    ).toBe(1);
  });
});
