import { describe, expect, it, vi } from "vitest";
import { decodeFunctionData, getAddress, keccak256, parseAbi, parseTransaction, type Hex } from "viem";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "@/lib/server/db";
import { ADMIN_TOKEN, call, createTestUser } from "@/lib/server/testing/api-client";
import { AmmVenue } from "@/lib/server/venues/amm";
import { createGatewayOrder } from "@/lib/server/services/gateway/create-gateway-order";
import { SoftAuthenticator } from "@/lib/server/auth/testing/soft-authenticator";
import { GET as getOrderRoute } from "../route";
import { PATCH as updateUserRoute } from "@/app/api/users/[id]/route";
import { GET as listRoute } from "../../route";
import { POST as quoteRoute } from "../../../quotes/route";
import {
  balancesOf,
  bearer,
  createOrder,
  custodialAddress,
  defiBuy,
  defiTrader,
  execute,
  p256Key,
} from "../../../gateway-test-kit";

const HASH = /^0x[0-9a-f]{64}$/;
const adminId = async () =>
  (await (await db()).user.findUniqueOrThrow({ where: { email: process.env.TRANCHE_ADMIN_EMAIL } })).id;
const abi = parseAbi([
  "function approve(address spender, uint256 amount)",
  "function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)",
]);

describe("[GATEWAY] DeFi orders signed with an API key and executed on the local chain", () => {
  it("create → stamp each payload → execute → complete: balances move, tx hashes recorded", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const quote = await call(quoteRoute, {
      method: "POST",
      headers: bearer(trader.token),
      body: {
        base_asset: "ETH",
        quote_asset: "USDC",
        qty: "1000",
        qty_unit: "quote",
        side: "buy",
        chain: "local",
      },
    });
    expect(quote.status).toBe(200);
    expect(quote.body).toEqual({
      qty: expect.stringMatching(/^0\.\d+$/),
      qty_unit: "base",
      price: expect.any(String),
    });

    const created = await createOrder(trader.token, defiBuy());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      order_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: "initialized",
      payloads: [expect.any(String), expect.any(String)],
      expires_at: expect.any(String),
    });
    const { order_id: orderId, payloads } = created.body as { order_id: string; payloads: string[] };

    // The envelopes say what is signed, in canonical JSON.
    const [approve, swap] = payloads.map((text) => JSON.parse(text));
    expect(approve).toMatchObject({
      v: 1,
      kind: "evm_tx",
      orderId,
      step: 0,
      of: 2,
      chainId: 31337,
      from: trader.address,
    });
    expect(approve.summary).toBe("Approve 1,000 USDC");
    expect(swap).toMatchObject({ step: 1, of: 2, from: trader.address });
    expect(swap.summary).toMatch(/^Swap 1,000 USDC for ≥ 0\.\d+ ETH$/);
    expect(Date.parse(approve.expiresAt) - Date.parse(approve.issuedAt)).toBe(5 * 60_000);
    expect(approve.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(approve.nonce).not.toBe(swap.nonce);
    expect(payloads[0]).toBe(
      JSON.stringify(Object.fromEntries(Object.entries(approve).sort(([a], [b]) => (a < b ? -1 : 1)))),
    );
    const approveTx = parseTransaction(approve.unsignedTransaction as Hex);
    const swapTx = parseTransaction(swap.unsignedTransaction as Hex);
    expect([approveTx.type, approveTx.chainId, approveTx.nonce, swapTx.nonce]).toEqual([
      "eip1559",
      31337,
      0,
      1,
    ]);
    const approveCall = decodeFunctionData({ abi, data: approveTx.data! });
    const swapCall = decodeFunctionData({ abi, data: swapTx.data! });
    expect(approveCall).toEqual({ functionName: "approve", args: [getAddress(swapTx.to!), 1_000_000_000n] });
    expect(swapCall.functionName).toBe("swapExactTokensForTokens");
    const [amountIn, amountOutMin, path, to] = swapCall.args as unknown as [bigint, bigint, string[], string];
    expect(amountIn).toBe(1_000_000_000n);
    expect(path[0]).toBe(getAddress(approveTx.to!));
    expect(to).toBe(trader.address);
    // min-out is the quote less the default 0.5 % slippage
    const quoted =
      BigInt(quote.body.qty.replace(".", "").replace(/^0+/, "")) *
      10n ** BigInt(18 - quote.body.qty.split(".")[1].length);
    expect(amountOutMin).toBe((quoted * 9_950n) / 10_000n);

    const executed = await execute(trader.token, orderId, payloads.map(trader.key.stamp));
    expect(executed.status).toBe(200);
    expect(executed.body).toEqual({ status: "complete" });

    const order = await call(getOrderRoute, { headers: bearer(trader.token), params: { id: orderId } });
    expect(order.body).toMatchObject({
      order_id: orderId,
      status: "complete",
      chain: "local",
      side: "buy",
      type: "market",
      qty: "1000",
      qty_unit: "quote",
      executed_quote_qty: "1000",
      fee: "3",
      fee_asset: "USDC",
      failure_reason: null,
    });
    expect(order.body.tx_hashes).toEqual([expect.stringMatching(HASH), expect.stringMatching(HASH)]);
    expect(order.body.executed_qty).toBe(quote.body.qty);
    expect(
      BigInt(order.body.executed_qty.replace(".", "").replace(/^0+/, "")) *
        10n ** BigInt(18 - order.body.executed_qty.split(".")[1].length),
    ).toBeGreaterThanOrEqual(amountOutMin);
    expect(order.body.fills).toEqual([
      {
        price: order.body.avg_price,
        qty: order.body.executed_qty,
        fee: "3",
        fee_asset: "USDC",
        time: expect.any(String),
        tx_hash: order.body.tx_hashes[1],
      },
    ]);

    // The chain has both transactions, under the hash of their signed bytes, from the custodial address.
    const prisma = await db();
    const included = await prisma.ledgerTransaction.findMany({
      where: { hash: { in: order.body.tx_hashes } },
      orderBy: { nonce: "asc" },
    });
    expect(included.map((tx) => [tx.method, tx.status, tx.from, Number(tx.nonce), tx.orderId])).toEqual([
      ["approve", "success", trader.address, 0, orderId],
      ["swapExactTokensForTokens", "success", trader.address, 1, orderId],
    ]);
    for (const tx of included) expect(keccak256(tx.raw as Hex)).toBe(tx.hash);
    // The custodial key behind that address is stored sealed, never in the clear.
    const wallet = await prisma.custodialWallet.findFirstOrThrow({ where: { userId: trader.user.id } });
    expect(wallet.address).toBe(trader.address);
    expect(wallet.encryptedKey).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(parseTransaction(included[1]!.raw as Hex).r).toBeDefined();

    expect(await balancesOf(trader.token, "local")).toEqual({
      ETH: order.body.executed_qty,
      BTC: "0",
      SOL: "0",
      USDC: "4000",
    });

    // It is an order like any other: listed with the rest.
    const list = await call(listRoute, {
      headers: bearer(trader.token),
      path: "/v1/gateway/orders?status=complete",
    });
    expect(list.body.data.map((o: { order_id: string }) => o.order_id)).toContain(orderId);

    // Executing again is the wrong state, whatever the stamps.
    const again = await execute(trader.token, orderId, payloads.map(trader.key.stamp));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      message: `Order ${orderId} is complete, not initialized: it cannot be executed (again).`,
    });
  });

  it("executes with passkey stamps too (web_authn): one assertion per payload, counters moving on", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const authenticator = new SoftAuthenticator();
    const prisma = await db();
    await prisma.passkey.create({
      data: {
        id: authenticator.credentialId,
        userId: trader.user.id,
        name: "laptop",
        publicKey: authenticator.cosePublicKey(),
        transports: ["internal"],
        deviceType: "singleDevice",
      },
    });
    const created = await createOrder(trader.token, defiBuy({ base_asset: "SOL", qty: "300" }));
    const payloads = created.body.payloads as string[];
    const stamps = payloads.map((payload) => authenticator.stamp(payload));
    const executed = await execute(trader.token, created.body.order_id, stamps, "web_authn");
    expect(executed.body).toEqual({ status: "complete" });
    expect(
      (await prisma.passkey.findUniqueOrThrow({ where: { id: authenticator.credentialId } })).counter,
    ).toBe(2n);
    const balances = await balancesOf(trader.token, "local");
    expect(balances.USDC).toBe("4700");
    expect(Number(balances.SOL)).toBeGreaterThan(1.5);

    // Without user verification, the passkey does not authorize anything (403), and nothing moves.
    const next = await createOrder(trader.token, defiBuy({ base_asset: "SOL", qty: "300" }));
    const unverified = (next.body.payloads as string[]).map((payload) =>
      authenticator.stamp(payload, { userVerified: false }),
    );
    const refused = await execute(trader.token, next.body.order_id, unverified, "web_authn");
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/^signatures\[0\]: the passkey did not verify the user/);
    expect((await balancesOf(trader.token, "local")).USDC).toBe("4700");
  });

  it("an admin can turn a user's api_key stamps off: execute is then 403 and the order stays initialized", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "100" }));
    expect(created.status).toBe(201);
    const off = await call(updateUserRoute, {
      method: "PATCH",
      token: ADMIN_TOKEN(),
      params: { id: trader.user.id },
      body: { api_key_stamps: false },
    });
    expect(off.status).toBe(200);
    const stamps = (created.body.payloads as string[]).map(trader.key.stamp);
    const refused = await execute(trader.token, created.body.order_id, stamps);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      message:
        'API-key stamps are turned off for this account by an administrator: sign with a passkey (auth_type "web_authn").',
    });
    const order = await call(getOrderRoute, {
      headers: bearer(trader.token),
      params: { id: created.body.order_id },
    });
    expect(order.body.status).toBe("initialized");
    await call(updateUserRoute, {
      method: "PATCH",
      token: ADMIN_TOKEN(),
      params: { id: trader.user.id },
      body: { api_key_stamps: true },
    });
    expect((await execute(trader.token, created.body.order_id, stamps)).body).toEqual({ status: "complete" });
  });

  it("a stamp made for order A does not execute order B (403), and B stays initialized", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const a = await createOrder(trader.token, defiBuy({ qty: "100" }));
    const b = await createOrder(trader.token, defiBuy({ qty: "100" }));
    expect([a.status, b.status]).toEqual([201, 201]);
    const stampsForA = (a.body.payloads as string[]).map(trader.key.stamp);
    const wrong = await execute(trader.token, b.body.order_id, stampsForA);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({
      message: "signatures[0]: the signature does not verify against payloads[0].",
    });
    const stillB = await call(getOrderRoute, {
      headers: bearer(trader.token),
      params: { id: b.body.order_id },
    });
    expect(stillB.body.status).toBe("initialized");

    // A, then B, each with its own stamps: the nonces of B follow A's.
    expect((await execute(trader.token, a.body.order_id, stampsForA)).body).toEqual({ status: "complete" });
    const forB = await execute(
      trader.token,
      b.body.order_id,
      (b.body.payloads as string[]).map(trader.key.stamp),
    );
    expect(forB.body).toEqual({ status: "complete" });
  });

  it("executing a later order before an earlier one of the same address is a 409 that consumes nothing", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const first = await createOrder(trader.token, defiBuy({ qty: "50" }));
    const second = await createOrder(trader.token, defiBuy({ qty: "50" }));
    const stamps = (second.body.payloads as string[]).map(trader.key.stamp);
    const early = await execute(trader.token, second.body.order_id, stamps);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(
      `An earlier order from ${trader.address} (${first.body.order_id}, nonce 0) is waiting for signatures: execute it first, or wait until it expires.`,
    );
    await execute(trader.token, first.body.order_id, (first.body.payloads as string[]).map(trader.key.stamp));
    expect((await execute(trader.token, second.body.order_id, stamps)).body).toEqual({ status: "complete" });
  });

  it("expired payloads are a 400 (explicit clock), and the order is left as it was", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const issued = Date.now() - 5 * 60_000 - 1;
    const created = await createGatewayOrder({
      userId: trader.user.id,
      request: defiBuy() as never,
      now: issued,
    });
    const result = await execute(trader.token, created.order_id, created.payloads!.map(trader.key.stamp));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      message: `The payloads of order ${created.order_id} expired at ${new Date(issued + 5 * 60_000).toISOString()}; create a new order.`,
    });
    const order = await call(getOrderRoute, {
      headers: bearer(trader.token),
      params: { id: created.order_id },
    });
    expect(order.body.status).toBe("initialized");
  });

  it("a swap that would pay less than its minimum reverts: the order fails with the reason", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "1000" }));
    const stamps = (created.body.payloads as string[]).map(trader.key.stamp);

    // Meanwhile the admin buys 200,000 USDC of ETH in the same pool: ETH is dearer by ~4 %.
    const adminKey = p256Key();
    await call((await import("@/app/api/signing_keys/route")).POST, {
      method: "POST",
      headers: bearer(ADMIN_TOKEN()),
      body: { public_key: adminKey.publicKey, label: "admin", user_id: await adminId() },
    });
    const big = await createOrder(ADMIN_TOKEN(), defiBuy({ qty: "200000", slippage_bps: 100 }));
    expect(big.status).toBe(201);
    const bigResult = await execute(
      ADMIN_TOKEN(),
      big.body.order_id,
      (big.body.payloads as string[]).map(adminKey.stamp),
    );
    expect(bigResult.body).toEqual({ status: "complete" });

    const result = await execute(trader.token, created.body.order_id, stamps);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: "failed" });
    const order = await call(getOrderRoute, {
      headers: bearer(trader.token),
      params: { id: created.body.order_id },
    });
    expect(order.body.status).toBe("failed");
    expect(order.body.failure_reason).toMatch(/^Swap reverted: output 0\.\d+ ETH below minimum 0\.\d+ ETH$/);
    const [, out, min] = /output ([\d.]+) ETH below minimum ([\d.]+) ETH/.exec(order.body.failure_reason)!;
    expect(Number(out) < Number(min)).toBe(true);
    expect(order.body.executed_qty).toBe("0");
    expect(order.body.fills).toEqual([]);
    // Both were included (the approve succeeded, the swap reverted): both hashes are the order's.
    expect(order.body.tx_hashes).toHaveLength(2);
    const prisma = await db();
    const swap = await prisma.ledgerTransaction.findUniqueOrThrow({
      where: { hash: order.body.tx_hashes[1] },
    });
    expect(swap.status).toBe("reverted");
    expect(swap.revertReason).toMatch(
      /^UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT \(amountOut \d+, amountOutMin \d+\)$/,
    );
    // The USDC never left; the revert moved nothing.
    expect((await balancesOf(trader.token, "local")).USDC).toBe("5000");
  });

  it("answers the seed's 400s for malformed requests and wrong signature counts", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "10" }));
    const id = created.body.order_id as string;
    const stamps = (created.body.payloads as string[]).map(trader.key.stamp);
    const cases: [unknown, string][] = [
      [
        { signatures: stamps.slice(0, 1), auth_type: "api_key" },
        "Expected 2 signatures (one per payload, in order), got 1.",
      ],
      [
        { signatures: stamps, auth_type: "password" },
        'auth_type: auth_type must be "web_authn" or "api_key"',
      ],
      [
        { signatures: "abc", auth_type: "api_key" },
        "signatures: signatures must be an array (one stamp per payload)",
      ],
      [{ auth_type: "api_key" }, "signatures: signatures must be an array (one stamp per payload)"],
      [
        { signatures: ["not-a-stamp", stamps[1]], auth_type: "api_key" },
        expect.stringMatching(/^signatures\[0\]: /),
      ],
    ];
    for (const [body, message] of cases) {
      const result = await call((await import("./route")).POST, {
        method: "POST",
        headers: bearer(trader.token),
        params: { id },
        body,
      });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body).toEqual({ message });
    }
    const badJson = await call((await import("./route")).POST, {
      method: "POST",
      headers: bearer(trader.token),
      params: { id },
      body: "{nope",
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toMatch(/^Malformed JSON body: /);
    // Still executable with the right stamps after all that.
    expect((await execute(trader.token, id, stamps)).body).toEqual({ status: "complete" });
  });

  it("another user's order is a 404 exactly like a missing one, and stamps of another user's key are 403", async () => {
    const owner = await defiTrader({ usdc: "5000" });
    const other = await defiTrader({ usdc: "0" });
    const created = await createOrder(owner.token, defiBuy({ qty: "10" }));
    const stamps = (created.body.payloads as string[]).map(owner.key.stamp);
    const foreign = await execute(other.token, created.body.order_id, stamps);
    const missing = await execute(other.token, "00000000-0000-4000-8000-000000000000", stamps);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ message: `Order ${created.body.order_id} not found` });
    expect(missing.body).toEqual({ message: "Order 00000000-0000-4000-8000-000000000000 not found" });
    const get = await call(getOrderRoute, {
      headers: bearer(other.token),
      params: { id: created.body.order_id },
    });
    expect(get.status).toBe(404);

    // The owner presenting stamps of someone else's key: not the caller's key.
    const otherStamps = (created.body.payloads as string[]).map(other.key.stamp);
    const notMine = await execute(owner.token, created.body.order_id, otherStamps);
    expect(notMine.status).toBe(403);
    expect(notMine.body.message).toMatch(
      /^signatures\[0\]: signing key [0-9a-f]{66} is not registered to this account/,
    );
  });

  it("answers 503 when the chain is unavailable, and leaves the order initialized to retry", async () => {
    const trader = await defiTrader({ usdc: "5000" });
    const created = await createOrder(trader.token, defiBuy({ qty: "10" }));
    const stamps = (created.body.payloads as string[]).map(trader.key.stamp);
    const spy = vi
      .spyOn(AmmVenue.prototype, "assertAvailable")
      .mockRejectedValueOnce(new AppError("unavailable", "The DeFi venue is unavailable right now."));
    const down = await execute(trader.token, created.body.order_id, stamps);
    spy.mockRestore();
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ message: "The DeFi venue is unavailable right now." });
    expect((await execute(trader.token, created.body.order_id, stamps)).body).toEqual({ status: "complete" });
  });

  it("a new user gets a custodial address with zero balances on first Gateway use; no funds, no order", async () => {
    const { token } = await createTestUser();
    const address = await custodialAddress(token);
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await balancesOf(token, "local")).toEqual({ ETH: "0", BTC: "0", SOL: "0", USDC: "0" });
    expect(await custodialAddress(token)).toBe(address);
    const refused = await createOrder(token, defiBuy({ qty: "10" }));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      message: `Insufficient USDC on local: the order needs 10, ${address} holds 0.`,
    });
  });
});
