import "server-only";
import { assertTransition, type CanonicalStatus } from "@/lib/domain/orders/status";
import { db } from "../../db";
import { publishOrders } from "../../events/publish-orders";
import { settleDefiOrder } from "./settle-defi-order";

/** A DeFi order `pending` this long has lost the execute request that was settling it. */
export const STUCK_PENDING_MS = 60_000;
/** Most stuck orders taken up per sweep (the rest wait for the next). */
const STUCK_BATCH = 20;
const RESUMING = "The execute request stopped before the outcome was recorded: resuming settlement.";

export interface SweepResult {
  /** `initialized` orders whose payloads expired unsigned, now `canceled`. */
  expired: string[];
  /** Stuck `pending` DeFi orders taken up again, with the status each has afterwards. */
  settled: { id: string; status: CanonicalStatus }[];
  /** Stuck orders that could not be settled this time (the chain unreachable): tried again later. */
  retry: string[];
}

/**
 * The Gateway's housekeeping, run by the engine every few seconds (and safe to run from several
 * workers at once: each write is conditional on the status it changes):
 *
 * - An `initialized` DeFi order whose payloads expired was never signed and never will be: it is
 *   `canceled` (nothing was submitted, nothing moves) with a message saying why, instead of
 *   waiting forever under a status that promises action.
 * - A `pending` DeFi order whose execute request died half-way (a crash, a lost connection to the
 *   chain) has its signatures accepted but no outcome: settleDefiOrder takes it up again, sending
 *   only the steps not yet on the chain and writing the outcome once.
 */
export async function sweepGatewayOrders({
  now = Date.now(),
  stuckAfterMs = STUCK_PENDING_MS,
}: { now?: number; stuckAfterMs?: number } = {}): Promise<SweepResult> {
  const prisma = await db();
  const time = new Date(now);

  assertTransition("initialized", "canceled");
  const expired = await prisma.$transaction(async (tx) => {
    const rows = await tx.order.updateManyAndReturn({
      where: { status: "initialized", payloadsExpiresAt: { lte: time } },
      data: { status: "canceled", completedAt: time, version: { increment: 1 } },
      select: { id: true, payloadsExpiresAt: true },
    });
    await tx.orderMessage.createMany({
      data: rows.map((row) => ({
        orderId: row.id,
        level: "WARN",
        message: `Order canceled: its payloads expired unsigned at ${row.payloadsExpiresAt?.toISOString()}. Nothing was submitted; create a new order to trade.`,
        createdAt: time,
      })),
    });
    return rows.map((row) => row.id);
  });
  await publishOrders(prisma, expired);

  const stuck = await prisma.order.findMany({
    where: {
      status: "pending",
      OR: [{ chainName: { not: null } }, { fundingChain: { not: null } }],
      updatedAt: { lt: new Date(now - stuckAfterMs) },
    },
    orderBy: { updatedAt: "asc" },
    take: STUCK_BATCH,
    select: { id: true },
  });
  const settled: SweepResult["settled"] = [];
  const retry: string[] = [];
  for (const { id } of stuck) {
    try {
      // Said once, however many sweeps it takes (the chain may be down for a while).
      const said = await prisma.orderMessage.findFirst({ where: { orderId: id, message: RESUMING } });
      if (!said) {
        await prisma.orderMessage.create({
          data: { orderId: id, level: "WARN", message: RESUMING, createdAt: time },
        });
      }
      settled.push({ id, status: await settleDefiOrder(id, { now }) });
    } catch (error) {
      console.error(`[gateway] could not settle pending order ${id}; retrying later`, error);
      retry.push(id);
    }
  }
  return { expired, settled, retry };
}
