import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/domain/shared/decimal";
import { db } from "../db";
import { createTestUser } from "../testing/api-client";
import { submitOrder } from "../services/orders/submit-order";
import { simSeed, venue } from "../venues";
import { SimVenue } from "../venues/sim";
import { Engine } from "./engine";

// A file of its own: the process's sim venue is shared, and this test reads its impact.
const T0 = Date.UTC(2026, 10, 2, 14, 0, 0);

describe("[ENGINE] market impact across workers", () => {
  it("replays the sim fills other workers recorded into this process's market, once each", async () => {
    const { user, account } = await createTestUser();
    const prisma = await db();
    // Something for this worker to work (a SOL order); the impact to replay is on ETH.
    const order = await submitOrder({
      userId: user.id,
      now: T0,
      input: {
        pair: "SOL-USDT",
        side: "buy",
        strategy: "TWAP",
        duration: 3600,
        base_asset_qty: "5",
        accounts: ["paper"],
      },
    });
    const placement = await prisma.placement.create({
      data: {
        orderId: order.id,
        accountId: account.id,
        clientId: "elsewhere-1",
        venue: "sim",
        pair: "ETH-USDT",
        side: "buy",
        kind: "market",
        tif: "IOC",
        placementType: "TAKE",
        size: "300",
        filled: "300",
        status: "filled",
        workerId: "elsewhere",
        createdAt: new Date(T0 - 60_000),
      },
    });
    const elsewhere = [
      { time: T0 - 60_000, size: "200", workerId: "elsewhere" },
      { time: T0 - 20_000, size: "100", workerId: "elsewhere" },
      // Too old to matter any more, and a fill of no worker (a Gateway swap): neither is replayed.
      { time: T0 - 11 * 60_000, size: "5000", workerId: "elsewhere" },
      { time: T0 - 10_000, size: "5000", workerId: null },
    ];
    for (const [i, fill] of elsewhere.entries()) {
      await prisma.fill.create({
        data: {
          orderId: order.id,
          placementId: placement.id,
          accountId: account.id,
          userId: user.id,
          venue: "sim",
          pair: "ETH-USDT",
          side: "buy",
          externalId: `elsewhere-1:T${i}`,
          price: "3000",
          size: fill.size,
          notional: new Dec(fill.size).mul(3000).toFixed(),
          fee: "0",
          feeAsset: "USDT",
          role: "TAKE",
          time: new Date(fill.time),
          workerId: fill.workerId,
        },
      });
    }
    const untouched = new SimVenue(simSeed()).book("ETH-USDT", T0);
    const expected = new SimVenue(simSeed());
    expected.observeFills(
      elsewhere.slice(0, 2).map((fill) => ({
        pair: "ETH-USDT",
        time: fill.time,
        side: "buy" as const,
        size: new Dec(fill.size),
        role: "TAKE" as const,
      })),
    );

    // The other worker is alive, so every tick looks again (alone, a worker looks once).
    await prisma.engineWorker.create({
      data: { id: "elsewhere", startedAt: new Date(T0 - 120_000), seenAt: new Date(T0 + 5_000) },
    });
    const engine = new Engine({ workerId: "here", clock: () => T0 });
    await engine.tick(T0);
    const seen = venue("sim").book("ETH-USDT", T0);
    expect(seen.mid.gt(untouched.mid)).toBe(true); // the other worker's buying is felt here
    expect(seen).toEqual(expected.book("ETH-USDT", T0));
    // Later looks overlap the last one, but nothing is replayed twice.
    await engine.tick(T0 + 1_000);
    await engine.tick(T0 + 2_000);
    expect(venue("sim").book("ETH-USDT", T0 + 2_000)).toEqual(expected.book("ETH-USDT", T0 + 2_000));
  });
});
