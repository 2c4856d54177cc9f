import { describe, expect, it } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { Engine } from "@/lib/server/engine/engine";
import { GET as listMulti, POST as submitMulti } from "./route";
import { DELETE as cancelMulti, GET as getMulti } from "../multi_order/[id]/route";
import { POST as pauseMulti } from "../pause_multi_order/route";
import { POST as resumeMulti } from "../resume_multi_order/route";
import { POST as submitChain } from "../chained_orders/route";
import { GET as getChain } from "../chained_orders/[id]/route";

const legs = {
  accounts: ["paper"],
  strategy: "TWAP",
  duration: 120,
  exposure_tolerance: "0.1",
  child_orders: [
    { pair: "BTC-USDT", side: "buy", base_asset_qty: "0.1" },
    { pair: "ETH-USDT", side: "sell", base_asset_qty: "2" },
  ],
};

describe("[CORE] multi-orders", () => {
  it("submits legs together and shows them, with the tolerance, in the detail", async () => {
    const { token } = await createTestUser();
    const created = await call(submitMulti, { method: "POST", token, body: legs });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      exposure_tolerance: "0.1",
      status: "ACTIVE",
      pairs: "BTC-USDT,ETH-USDT",
      buy_token: "BTC, USDT",
      sell_token: "USDT, ETH",
      account_names: ["paper"],
      completely_filled: false,
      is_paused: false,
    });
    expect(created.body.child_orders).toHaveLength(2);
    expect(created.body.child_orders.map((o: { parent_order_id: string }) => o.parent_order_id)).toEqual([
      created.body.id,
      created.body.id,
    ]);

    const detail = await call(getMulti, {
      token,
      params: { id: created.body.id },
      path: `/api/multi_order/${created.body.id}?include_child_orders=true`,
    });
    expect(detail.status).toBe(200);
    expect(detail.body.child_order_ids).toEqual(created.body.child_order_ids);
    expect(detail.body.child_orders).toHaveLength(2);
    const slim = await call(getMulti, { token, params: { id: created.body.id } });
    expect(slim.body.child_orders).toBeUndefined();

    const list = await call(listMulti, { token, path: "/api/multi_orders/?page_size=10" });
    expect(list.body).toMatchObject({ page_number: 1, page_size: 10, num_pages: 1, count: 1 });
    expect(list.body.multi_orders[0].id).toBe(created.body.id);
  });

  it("names the failing leg's field, creates nothing, and refuses a single leg", async () => {
    const { token } = await createTestUser();
    const bad = await call(submitMulti, {
      method: "POST",
      token,
      body: {
        ...legs,
        child_orders: [legs.child_orders[0], { pair: "ETH-USDT", side: "buy", base_asset_qty: "-1" }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.join(" ")).toContain("child_orders.1.base_asset_qty");
    const one = await call(submitMulti, {
      method: "POST",
      token,
      body: { ...legs, child_orders: [legs.child_orders[0]] },
    });
    expect(one.status).toBe(400);
    expect(one.body.errors.join(" ")).toContain("at least two child orders");
    const list = await call(listMulti, { token });
    expect(list.body.count).toBe(0);
  });

  it("pauses, resumes and cancels every leg; another user's multi-order is a 404", async () => {
    const { token } = await createTestUser();
    const created = await call(submitMulti, { method: "POST", token, body: legs });
    const id = created.body.id;
    const engine = new Engine({ workerId: "multi-routes" });
    await engine.tick(Date.now());

    const paused = await call(pauseMulti, { method: "POST", token, body: { multi_order_id: id } });
    expect(paused.status).toBe(202);
    expect(paused.body).toEqual({ message: "Successfully paused multi order." });
    expect((await call(getMulti, { token, params: { id } })).body.status).toBe("PAUSED");
    const again = await call(pauseMulti, { method: "POST", token, body: { multi_order_id: id } });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ error: "Multi order is not running." });

    const resumed = await call(resumeMulti, { method: "POST", token, body: { multi_order_id: id } });
    expect(resumed.status).toBe(202);
    expect((await call(getMulti, { token, params: { id } })).body.status).toBe("ACTIVE");

    const other = await createTestUser();
    expect((await call(getMulti, { token: other.token, params: { id } })).status).toBe(404);
    expect((await call(cancelMulti, { method: "DELETE", token: other.token, params: { id } })).status).toBe(
      404,
    );
    expect((await call(getMulti, { token, params: { id: "not-a-uuid" } })).status).toBe(400);

    const canceled = await call(cancelMulti, { method: "DELETE", token, params: { id } });
    expect(canceled.status).toBe(200);
    await engine.tick(Date.now() + 1000);
    const after = await call(getMulti, {
      token,
      params: { id },
      path: `/api/multi_order/${id}?include_child_orders=true`,
    });
    expect(after.body.status).toBe("CANCELED");
    expect(after.body.child_orders.map((o: { status: string }) => o.status)).toEqual([
      "CANCELED",
      "CANCELED",
    ]);
  });
});

describe("[CORE] chained orders", () => {
  it("creates batches by priority: the first runs, later ones wait; the chain reads back in order", async () => {
    const { token } = await createTestUser();
    const created = await call(submitChain, {
      method: "POST",
      token,
      body: {
        orders_in_chain: [
          {
            priority: 2,
            order_request: {
              pair: "BTC-USDT",
              side: "sell",
              strategy: "TWAP",
              duration: 60,
              base_asset_qty: "0.01",
              accounts: ["paper"],
            },
          },
          {
            priority: 1,
            order_request: {
              pair: "BTC-USDT",
              side: "buy",
              strategy: "TWAP",
              duration: 60,
              base_asset_qty: "0.01",
              accounts: ["paper"],
            },
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("RUNNING");
    expect(
      created.body.orders.map((o: { priority: number; side: string; status: string }) => [
        o.priority,
        o.side,
        o.status,
      ]),
    ).toEqual([
      [1, "buy", "ACTIVE"],
      [2, "sell", "SCHEDULED"],
    ]);
    const read = await call(getChain, { token, params: { id: created.body.id } });
    expect(read.body.orders.map((o: { id: string }) => o.id)).toEqual(
      created.body.orders.map((o: { id: string }) => o.id),
    );
    const other = await createTestUser();
    expect((await call(getChain, { token: other.token, params: { id: created.body.id } })).status).toBe(404);
  });

  it("refuses conditions inside a chain and names the order's field", async () => {
    const { token } = await createTestUser();
    const refused = await call(submitChain, {
      method: "POST",
      token,
      body: {
        orders_in_chain: [
          {
            priority: 1,
            order_request: {
              pair: "BTC-USDT",
              side: "buy",
              strategy: "TWAP",
              duration: 60,
              base_asset_qty: "0.01",
              accounts: ["paper"],
              order_condition: "TIME 1 >",
            },
          },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.join(" ")).toContain("orders_in_chain.0.order_request.order_condition");
    const empty = await call(submitChain, { method: "POST", token, body: { orders_in_chain: [] } });
    expect(empty.status).toBe(400);
  });
});
