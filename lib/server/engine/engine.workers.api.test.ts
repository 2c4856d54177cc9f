import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createTestUser } from "../testing/api-client";
import { submitOrder } from "../services/orders/submit-order";
import { Engine } from "./engine";

// A file of its own: the share counts every working order and live worker in the database.
const T0 = Date.UTC(2026, 10, 2, 14, 0, 0);

describe("[ENGINE] workers share the orders", () => {
  it("a joining worker gets half; the split then holds still; a stopping worker's half goes back", async () => {
    const { user } = await createTestUser();
    const prisma = await db();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const order = await submitOrder({
        userId: user.id,
        now: T0,
        input: {
          pair: "SOL-USDT",
          side: i % 2 ? "sell" : "buy",
          strategy: "TWAP",
          duration: 3600,
          base_asset_qty: "5",
          accounts: ["paper"],
        },
      });
      ids.push(order.id);
    }
    const owners = async () => {
      const rows = await prisma.order.findMany({
        where: { id: { in: ids } },
        select: { id: true, leaseOwner: true },
      });
      return new Map(rows.map((row) => [row.id, row.leaseOwner]));
    };
    const count = (map: Map<string, string | null>, owner: string) =>
      [...map.values()].filter((value) => value === owner).length;
    const a = new Engine({ workerId: "share-a", leaseMs: 10_000, clock: () => T0 });
    const b = new Engine({ workerId: "share-b", leaseMs: 10_000, clock: () => T0 });

    expect((await a.tick(T0)).claimed).toBe(10);
    // B joins: A's leases are live, so B gets nothing yet; A hands back half on its next tick.
    expect((await b.tick(T0 + 1_000)).claimed).toBe(0);
    expect((await a.tick(T0 + 2_000)).written).toBe(5);
    expect((await b.tick(T0 + 3_000)).written).toBe(5);
    const split = await owners();
    expect([count(split, "share-a"), count(split, "share-b")]).toEqual([5, 5]);

    // From here each keeps its own: nothing moves between them.
    for (let t = 4_000; t <= 12_000; t += 2_000) {
      expect((await a.tick(T0 + t)).written).toBe(5);
      expect((await b.tick(T0 + t + 1_000)).written).toBe(5);
    }
    expect(await owners()).toEqual(split);

    // B stops: its leases and its place among the workers go; A takes all ten on its next tick.
    await b.stop();
    expect((await a.tick(T0 + 14_000)).written).toBe(10);
    expect(count(await owners(), "share-a")).toBe(10);
    expect(await prisma.engineWorker.findUnique({ where: { id: "share-b" } })).toBeNull();
  });
});
