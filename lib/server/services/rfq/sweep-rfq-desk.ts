import "server-only";
import type { Hex } from "viem";
import { db } from "../../db";
import { settleTransaction, unsettledTransactions } from "../../chain/transactions";
import { openDesk } from "./desk";
import { recordFillOutcome } from "./record-fill-outcome";
import { refreshRfqStatuses } from "./refresh-rfq-statuses";

/**
 * The desk's housekeeping (at start, then with the engine's every 10 s): write down expired orders
 * and locks, and finish every fill whose sender died between storing and recording it — from its
 * receipt when the chain has it, else by sending the same stored bytes again; a dropped one
 * releases its order. Recording is conditional, so a fill is written exactly once.
 */
export async function sweepRfqDesk({ now = Date.now() }: { now?: number } = {}) {
  const prisma = await db();
  const refreshed = await refreshRfqStatuses(prisma, now);
  const desk = await openDesk();
  const finished: { txHash: string; status: string }[] = [];
  const staged = await prisma.rfqFill.findMany({ where: { status: "pending" }, select: { txHash: true } });
  const pendingFills = new Set(staged.map((fill) => fill.txHash));
  for (const tx of await unsettledTransactions(prisma, desk.open.chainId, "rfq.fill"))
    pendingFills.add(tx.hash);
  for (const txHash of pendingFills) {
    const outcome = await settleTransaction(prisma, desk.open, txHash as Hex);
    const recorded = await recordFillOutcome(prisma, desk, txHash as Hex, outcome);
    if (recorded.status !== "pending") finished.push({ txHash, status: recorded.status });
  }
  return { refreshed, finished };
}
