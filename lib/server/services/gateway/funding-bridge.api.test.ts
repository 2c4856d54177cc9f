import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeFunctionData, parseAbi, parseTransaction, type Hex } from "viem";
import { Dec } from "@/lib/domain/shared/decimal";
import { db } from "@/lib/server/db";
import { Engine } from "@/lib/server/engine/engine";
import { call } from "@/lib/server/testing/api-client";
import { AmmVenue } from "@/lib/server/venues/amm";
import { cefiDepositAddress } from "@/lib/server/venues/amm/addresses";
import { DELETE as cancelRoute } from "@/app/v1/gateway/orders/[id]/route";
import {
  balancesOf,
  bearer,
  gatewayOrder,
  createOrder,
  defiTrader,
  execute,
} from "@/app/v1/gateway/gateway-test-kit";
import { DELETE as coreCancelRoute } from "@/app/api/order/[id]/route";
import { STUCK_PENDING_MS, sweepGatewayOrders } from "./sweep-gateway-orders";

const erc20 = parseAbi(["function transfer(address to, uint256 amount)"]);
const cefiBuy = (overrides: Record<string, unknown> = {}) => ({
  base_asset: "ETH",
  quote_asset: "USDC",
  qty: "1000",
  qty_unit: "quote",
  type: "market",
  side: "buy",
  ...overrides,
});

/** A trader whose paper account holds only `usdt` USDT, with `usdc` USDC on the local chain. */
async function shortTrader(usdt: string, usdc: string) {
  const trader = await defiTrader({ usdc });
  const prisma = await db();
  await prisma.balance.update({
    where: { accountId_asset: { accountId: trader.account.id, asset: "USDT" } },
    data: { amount: usdt },
  });
  return trader;
}

async function paperUsdt(accountId: string): Promise<string> {
  const prisma = await db();
  const row = await prisma.balance.findUniqueOrThrow({
    where: { accountId_asset: { accountId, asset: "USDT" } },
  });
  return new Dec(row.amount.toString()).toFixed();
}

/** Work the engine until the order is finished (or 20 ticks pass). */
async function workToEnd(orderId: string) {
  const engine = new Engine({ workerId: `funding-${orderId.slice(0, 8)}` });
  const prisma = await db();
  let now = Date.now();
  for (let i = 0; i < 20; i++) {
    await engine.tick(now);
    const { status } = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    if (["complete", "canceled", "failed"].includes(status)) return status;
    now += 1_000;
  }
  return "unfinished";
}

afterEach(() => vi.restoreAllMocks());

describe("[GATEWAY] CeFi buys short of funds: the funding bridge", () => {
  it("prepares a transfer of the shortfall to sign; execute moves it, credits the account, and the buy completes", async () => {
    const trader = await shortTrader("100", "5000");
    const created = await createOrder(trader.token, cefiBuy());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      order_id: expect.any(String),
      status: "initialized",
      payloads: [expect.any(String)],
      expires_at: expect.any(String),
    });
    const orderId = created.body.order_id as string;
    const payload = JSON.parse(created.body.payloads[0]);
    // needs 1,000 × (1 + 5 bps taker fee) × 1.02 slack = 1,020.51 USDT; has 100 → 920.51 short.
    expect(payload).toMatchObject({
      kind: "evm_tx",
      orderId,
      step: 0,
      of: 1,
      chainId: 31337,
      from: trader.address,
      summary: "Bridge 920.51 USDC to your CeFi account paper",
    });
    const tx = parseTransaction(payload.unsignedTransaction as Hex);
    expect(decodeFunctionData({ abi: erc20, data: tx.data! })).toEqual({
      functionName: "transfer",
      args: [cefiDepositAddress(31337), 920_510_000n],
    });

    const before = await gatewayOrder(trader.token, orderId);
    expect(before.body).toMatchObject({
      status: "initialized",
      chain: null,
      funding: { chain: "local", asset: "USDT", amount: "920.51" },
      executed_qty: "0",
    });

    const executed = await execute(trader.token, orderId, [trader.key.stamp(created.body.payloads[0])]);
    expect(executed.body).toEqual({ status: "pending" }); // a CeFi market order being worked
    expect(await paperUsdt(trader.account.id)).toBe("1020.51");
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4079.49");
    const started = await gatewayOrder(trader.token, orderId);
    expect(started.body.tx_hashes).toHaveLength(1);
    const prisma = await db();
    const row = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(row.status).toBe("active");
    expect(row.arrivalPrice).not.toBeNull();
    expect(row.timeEnd!.getTime() - row.timeStart!.getTime()).toBe(60_000);

    expect(await workToEnd(orderId)).toBe("complete");
    const done = await gatewayOrder(trader.token, orderId);
    expect(done.body).toMatchObject({ status: "complete", fee_asset: "USDT" });
    // 1,000 USDT of ETH, to the venue's size step.
    expect(new Dec(done.body.executed_quote_qty).sub(1000).abs().lt(1)).toBe(true);
    // What the buy spent came out of the bridged funds: the rest of the 1,020.51 is left.
    expect(await paperUsdt(trader.account.id)).toBe(
      new Dec("1020.51").sub(done.body.executed_quote_qty).sub(done.body.fee).toFixed(),
    );
    const log = (await prisma.orderMessage.findMany({ where: { orderId }, orderBy: { id: "asc" } })).map(
      (m) => m.message,
    );
    expect(log.some((m) => m.startsWith("Funding arrived: 920.51 USDT credited to paper (tx 0x"))).toBe(true);
  });

  it("a buy the wallet cannot fund either is the 400 that names both shortfalls, and creates nothing", async () => {
    const trader = await shortTrader("100", "500");
    const response = await createOrder(trader.token, cefiBuy());
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(
      /^Insufficient balance for order execution: needs about 1020\.51 USDT, available 100 USDT; the funding bridge needs 920\.51 USDC on local, and 0x[0-9a-fA-F]{40} holds 500\.$/,
    );
    const prisma = await db();
    expect(await prisma.order.count({ where: { userId: trader.user.id } })).toBe(0);
  });

  it("a sell short of the base asset is not bridged: the plain 400", async () => {
    const trader = await shortTrader("100", "5000");
    const response = await createOrder(
      trader.token,
      cefiBuy({ side: "sell", qty: "100000", qty_unit: "base" }),
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(
      /^Insufficient balance for order execution: needs about [\d.]+ ETH/,
    );
  });

  it("cannot be canceled while its transfer is in flight; once funded it is active and cancelable", async () => {
    const trader = await shortTrader("100", "5000");
    const created = await createOrder(
      trader.token,
      cefiBuy({ type: "limit", qty: "2", qty_unit: "base", price: "100" }),
    );
    expect([created.status, created.body.status]).toEqual([201, "initialized"]);
    const orderId = created.body.order_id as string;
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(AmmVenue.prototype, "submit").mockRejectedValueOnce(
      new Error("connect ECONNRESET 127.0.0.1:8545"),
    );
    expect((await execute(trader.token, orderId, [trader.key.stamp(created.body.payloads[0])])).body).toEqual(
      {
        status: "pending",
      },
    );
    const cancel = () =>
      call(cancelRoute, { method: "DELETE", headers: bearer(trader.token), params: { id: orderId } });
    const refused = await cancel();
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      message: `Order ${orderId} is waiting for its funding transfer on local: it can be canceled once the funds arrive.`,
    });
    // Nor from the Core Order API, alone or in a cancel-all.
    const core = await call(coreCancelRoute, {
      method: "DELETE",
      token: trader.token,
      params: { id: orderId },
    });
    expect(core.status).toBe(422);
    expect(core.body).toEqual({ error: refused.body.message });
    expect(await paperUsdt(trader.account.id)).toBe("100");

    const swept = await sweepGatewayOrders({ now: Date.now() + STUCK_PENDING_MS + 1_000 });
    expect(swept.settled).toEqual([{ id: orderId, status: "active" }]);
    // 2 × 100 × (1 + 5 bps) = 200.1 needed, 100 held: 100.1 bridged.
    const credited = await paperUsdt(trader.account.id);
    expect(credited).toBe("200.1");
    expect((await gatewayOrder(trader.token, orderId)).body.status).toBe("active"); // a resting limit
    const canceled = await cancel();
    expect(canceled.status).toBe(200);
    expect(await workToEnd(orderId)).toBe("canceled");
    // The bridged dollars stay in the account: nothing was bought.
    expect(await paperUsdt(trader.account.id)).toBe(credited);
  });

  it("an unsigned funding order expires and is canceled; nothing moves", async () => {
    const trader = await shortTrader("100", "5000");
    const created = await createOrder(trader.token, cefiBuy());
    const orderId = created.body.order_id as string;
    const swept = await sweepGatewayOrders({ now: Date.now() + 5 * 60_000 + 1_000 });
    expect(swept.expired).toEqual([orderId]);
    expect((await gatewayOrder(trader.token, orderId)).body).toMatchObject({
      status: "canceled",
      tx_hashes: [],
    });
    expect(await paperUsdt(trader.account.id)).toBe("100");
    expect((await balancesOf(trader.token, "local")).USDC).toBe("5000");
  });
});
