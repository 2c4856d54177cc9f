import { describe, expect, it } from "vitest";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { call } from "@/lib/server/testing/api-client";
import { db } from "@/lib/server/db";
import { sweepRfqDesk } from "@/lib/server/services/rfq/sweep-rfq-desk";
import { stageFill } from "@/lib/server/services/rfq/fill-rfq-order";
import { broadcast } from "@/lib/server/chain/transactions";
import { GET as listRoute, POST as createRoute } from "./route";
import { POST as cancelRoute } from "./[id]/cancel/route";
import { GET as nextNonceRoute } from "./maker/next-nonce/route";
import { POST as validateRoute } from "./validate/route";
import { POST as connectRoute } from "../makers/connect/route";
import { balanceOf, connect, desk, lock, maker, post, seedOrder, sign, siwe, taker } from "../rfq-test-kit";

describe("[RFQ] makers: Sign-In with Ethereum", () => {
  it("connects a wallet with an EIP-4361 message for this host and its nonce", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const response = await connect(account);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: 0,
      data: {
        session_token: expect.stringMatching(/^rfq_/),
        wallet_address: account.address,
        chain_id: 31337,
      },
    });
  });

  it.each<[string, (a: ReturnType<typeof privateKeyToAccount>) => Promise<Record<string, unknown>>, number]>([
    ["another host's message", async (a) => sign1(a, { domain: "evil.example" }), 200301],
    ["another chain's message", async (a) => sign1(a, { chainId: 1 }), 200303],
    ["an unknown nonce", async (a) => sign1(a, { nonce: "abcdefgh12345678" }), 200302],
    [
      "a signature by another wallet",
      async (a) => {
        const s = await siwe(a);
        const other = privateKeyToAccount(generatePrivateKey());
        return { message: s.message, signature: await other.signMessage({ message: s.message }) };
      },
      200301,
    ],
    ["an expired message", async (a) => sign1(a, { expirationTime: new Date(Date.now() - 1000) }), 200301],
  ])("refuses %s, and creates no session", async (_, make, code) => {
    const account = privateKeyToAccount(generatePrivateKey());
    const before = await (await db()).rfqMakerSession.count();
    const body = await make(account);
    const response = await call(connectRoute, {
      method: "POST",
      body: { wallet_address: account.address, chain_id: 31337, ...body },
    });
    expect(response.body).toMatchObject({ code, message: expect.stringMatching(/.+/) });
    expect(await (await db()).rfqMakerSession.count()).toBe(before);
  });

  it("uses a nonce once", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const s = await siwe(account);
    const body = {
      wallet_address: account.address,
      chain_id: 31337,
      message: s.message,
      signature: s.signature,
    };
    expect((await call(connectRoute, { method: "POST", body })).status).toBe(200);
    expect((await call(connectRoute, { method: "POST", body })).body).toMatchObject({ code: 200302 });
  });
});

async function sign1(account: ReturnType<typeof privateKeyToAccount>, overrides: Record<string, unknown>) {
  const s = await siwe(account, overrides);
  return { message: s.message, signature: s.signature };
}

describe("[RFQ] makers: orders", () => {
  it("posts, lists, pages the next nonce and cancels", async () => {
    const m = await maker();
    const auth = { authorization: `Bearer ${m.session}` };
    const o = await post(m);
    expect(o.created).toMatchObject({
      status: "pending",
      order: { ticker: "AAPL", quantity: "100" },
      filled_quantity: "0",
    });
    const list = await call(listRoute, {
      path: "/api/v1/orders?status=pending&ticker=AAPL&is_buy=true",
      headers: auth,
    });
    expect(list.body.data).toMatchObject({ total: 1, items: [{ order_hash: o.created.order_hash }] });
    const next = await call(nextNonceRoute, { headers: auth });
    expect(next.body.data.next_nonce).toBe(String(Number(o.order.nonce) + 1));
    const cancelled = await call(cancelRoute, {
      method: "POST",
      headers: auth,
      params: { id: o.created.id },
    });
    expect(cancelled.body.data.status).toBe("cancelled");
    // another maker's order is a 404
    const other = await maker();
    const foreign = await call(cancelRoute, {
      method: "POST",
      headers: { authorization: `Bearer ${other.session}` },
      params: { id: o.created.id },
    });
    expect(foreign.status).toBe(404);
  });

  it.each<[string, (m: Awaited<ReturnType<typeof maker>>) => Promise<Record<string, unknown>>, number]>([
    [
      "a reused nonce",
      async (m) => {
        const first = await post(m);
        const order = await seedOrder(m.account, { nonce: first.order.nonce, quantity: "5" });
        return { order, signature: await sign(m.account, order) };
      },
      200103,
    ],
    [
      "a tampered order",
      async (m) => {
        const order = await seedOrder(m.account);
        return { order: { ...order, quantity: "1000" }, signature: await sign(m.account, order) };
      },
      200101,
    ],
    [
      "a past deadline",
      async (m) => {
        const order = await seedOrder(m.account, { deadline: Math.floor(Date.now() / 1000) - 5 });
        return { order, signature: await sign(m.account, order) };
      },
      200102,
    ],
    [
      "an unlisted ticker",
      async (m) => {
        const order = await seedOrder(m.account, { ticker: "ZZZZ" });
        return { order, signature: await sign(m.account, order) };
      },
      200104,
    ],
    [
      "a buy the maker cannot pay",
      async (m) => {
        const order = await seedOrder(m.account, { quantity: "100000" });
        return { order, signature: await sign(m.account, order) };
      },
      200105,
    ],
    [
      "another wallet's order",
      async () => {
        const stranger = privateKeyToAccount(generatePrivateKey());
        const order = await seedOrder(stranger);
        return { order, signature: await sign(stranger, order) };
      },
      200107,
    ],
  ])("refuses %s, storing nothing", async (_, make, code) => {
    const m = await maker();
    const body = await make(m);
    const before = await (await db()).rfqOrder.count();
    const response = await call(createRoute, {
      method: "POST",
      headers: { authorization: `Bearer ${m.session}` },
      body,
    });
    expect(response.body).toMatchObject({ code, details: { reason: expect.any(String) } });
    expect(await (await db()).rfqOrder.count()).toBe(before);
  });

  it("validates for takers without creating", async () => {
    const m = await maker();
    const t = await taker();
    const order = await seedOrder(m.account);
    const signature = await sign(m.account, order);
    const response = await call(validateRoute, {
      method: "POST",
      headers: t.key,
      body: { order, signature },
    });
    expect(response.body).toMatchObject({
      code: 0,
      data: { valid: true, status: null, remaining_quantity: "100" },
    });
    expect(await (await db()).rfqOrder.count({ where: { maker: m.account.address } })).toBe(0);
    const noKey = await call(validateRoute, { method: "POST", body: { order, signature } });
    expect(noKey.status).toBe(401);
    expect(noKey.body).toMatchObject({ code: 100401 });
  });
});

describe("[RFQ] a crash between sending and recording a fill", () => {
  it.each([
    ["signed and stored, never sent", false],
    ["sent, never recorded", true],
  ])("%s: the sweep finishes it from the chain, exactly once", async (_, sent) => {
    const m = await maker();
    const t = await taker();
    const o = await post(m);
    await lock(t, o.created.order_hash);
    const staged = await stageFill({
      userId: t.user.id,
      request: { order: o.order, signature: o.signature, fill_quantity: "30", taker_incentive: "0" },
    });
    if (sent) await broadcast(staged.prisma, staged.desk.open, staged.txHash);
    // …and the process died here. On restart:
    await sweepRfqDesk();
    await sweepRfqDesk();
    const prisma = await db();
    const row = await prisma.rfqOrder.findUniqueOrThrow({ where: { orderHash: o.created.order_hash } });
    expect(row).toMatchObject({ status: "partially_filled", fillingTxHash: null });
    expect(row.filledQuantity.toFixed()).toBe("30");
    const fills = await prisma.rfqFill.findMany({ where: { orderId: row.id } });
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ status: "mined", txHash: staged.txHash });
    expect(await balanceOf((await desk()).aapl, o.order.principal as `0x${string}`)).toBe(30n);
  });
});
