import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call } from "@/lib/server/testing/api-client";
import { POST as rejectRoute } from "../reject/route";
import { POST as suspendRoute } from "../[id]/suspend/route";
import { POST as resumeRoute } from "../[id]/resume/route";
import { GET as takerOrdersRoute } from "../../takers/orders/route";
import { lock, maker, post, taker } from "../../rfq-test-kit";

describe("[RFQ] lock, reject, suspend", () => {
  it("gives a lock to one of two racing takers; the other is told who holds it", async () => {
    const m = await maker();
    const [a, b] = await Promise.all([taker(), taker()]);
    const o = await post(m);
    const [ra, rb] = await Promise.all([lock(a, o.created.order_hash), lock(b, o.created.order_hash)]);
    const won = [ra, rb].filter((r) => r.status === 200);
    const lost = [ra, rb].filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost[0]!.body).toMatchObject({ code: 200202, details: { reason: "locked_by_other" } });
    expect(won[0]!.body.data).toMatchObject({ status: "locked", expires_at: expect.any(String) });
  });

  it("refuses a taker_address that is not the caller's desk wallet", async () => {
    const m = await maker();
    const [a, b] = await Promise.all([taker(), taker()]);
    const o = await post(m);
    const response = await lock({ key: a.key, address: b.address }, o.created.order_hash);
    expect(response.body).toMatchObject({ code: 200207, details: { desk_wallet: a.address } });
  });

  it("rejects with a reason, and lists by status and side, sorted by price", async () => {
    const m = await maker();
    const t = await taker();
    const cheap = await post(m, { price: "100000000000000000000" });
    const dear = await post(m, { price: "200000000000000000000" });
    const rejected = await call(rejectRoute, {
      method: "POST",
      headers: t.key,
      body: { order_hash: cheap.created.order_hash, reason: "price away from the market" },
    });
    expect(rejected.body).toEqual({
      code: 0,
      data: {
        order_hash: cheap.created.order_hash,
        status: "rejected",
        reason: "price away from the market",
      },
    });
    const page = await call(takerOrdersRoute, {
      path: "/api/v1/takers/orders?status=pending,rejected&is_buy=true&sort_by=price&sort_order=asc&page_size=100",
      headers: t.key,
    });
    const mine = page.body.data.items.filter(
      (i: { order: { maker: string } }) => i.order.maker === m.account.address,
    );
    expect(
      mine.map((i: { status: string; reject_reason: string | null }) => [i.status, i.reject_reason]),
    ).toEqual([
      ["rejected", "price away from the market"],
      ["pending", null],
    ]);
    expect(mine[1].order_hash).toBe(dear.created.order_hash);
    const tooMany = await call(takerOrdersRoute, {
      path: "/api/v1/takers/orders?page_size=101",
      headers: t.key,
    });
    expect(tooMany.body).toMatchObject({ code: 100400 });
  });

  it("lets an admin suspend an open order (takers cannot lock it) and resume it to pending", async () => {
    const m = await maker();
    const t = await taker();
    const o = await post(m);
    const admin = { authorization: `Token ${ADMIN_TOKEN()}` };
    const asTaker = await call(suspendRoute, {
      method: "POST",
      headers: t.key,
      params: { id: o.created.id },
    });
    expect(asTaker.status).toBe(403);
    const suspended = await call(suspendRoute, {
      method: "POST",
      headers: admin,
      params: { id: o.created.id },
    });
    expect(suspended.body.data.status).toBe("suspended");
    expect((await lock(t, o.created.order_hash)).body).toMatchObject({ code: 200208 });
    const resumed = await call(resumeRoute, { method: "POST", headers: admin, params: { id: o.created.id } });
    expect(resumed.body.data.status).toBe("pending");
    expect((await lock(t, o.created.order_hash)).status).toBe(200);
  });
});
