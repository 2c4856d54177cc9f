import "server-only";
import { parseEventLogs, type Hex } from "viem";
import { RFQSettlement } from "@/solidity/artifacts";
import type { PrismaClient } from "../../db";
import type { TransactionOutcome } from "../../chain/transactions";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import type { Desk } from "./desk";

export type FillRecord =
  | { status: "mined"; orderStatus: "partially_filled" | "filled" }
  | { status: "reverted" | "dropped" }
  | { status: "pending" };

/**
 * Write a fill's outcome, from its transaction: mined, the `OrderFilled` event of the settlement
 * contract says what moved, and the order becomes `partially_filled` (final: the rest is released)
 * or `filled`; reverted or dropped, the fill row goes and the order is as before (still locked).
 * Conditional on the fill still being `pending`, so the fill call and the sweep can both try and
 * only one writes: exactly once.
 */
export async function recordFillOutcome(
  prisma: PrismaClient,
  desk: Desk,
  txHash: Hex,
  outcome: TransactionOutcome,
): Promise<FillRecord> {
  if (outcome.status === "pending") return { status: "pending" };
  const fill = await prisma.rfqFill.findUnique({ where: { txHash }, include: { order: true } });
  let result: FillRecord = { status: outcome.status === "mined" ? "mined" : outcome.status } as FillRecord;
  if (outcome.status === "mined") {
    const [event] = parseEventLogs({
      abi: RFQSettlement.abi,
      logs: outcome.receipt.logs,
      eventName: "OrderFilled",
    }).filter((log) => log.address.toLowerCase() === desk.contracts.settlement.toLowerCase());
    if (!event) throw new Error(`Transaction ${txHash} was mined without an OrderFilled event.`);
    const quantity = BigInt(fill?.order.quantity.toFixed() ?? "0");
    const orderStatus = event.args.totalFilled >= quantity ? "filled" : "partially_filled";
    result = { status: "mined", orderStatus };
    if (!fill) return result;
    const written = await prisma.$transaction(async (tx) => {
      const { count } = await tx.rfqFill.updateMany({
        where: { txHash, status: "pending" },
        data: {
          status: "mined",
          blockNumber: outcome.receipt.blockNumber,
          minedAt: new Date(),
          fillQuantity: event.args.fillQuantity.toString(),
          filledAmount: event.args.filledAmount.toString(),
          feeAmount: event.args.feeAmount.toString(),
          incentiveAmount: event.args.incentiveAmount.toString(),
        },
      });
      if (count === 0) return false;
      await tx.rfqOrder.update({
        where: { id: fill.orderId },
        data: {
          status: orderStatus,
          filledQuantity: event.args.totalFilled.toString(),
          fillingTxHash: null,
          lockExpiresAt: null,
        },
      });
      return true;
    });
    if (written) await publishRfqOrders(prisma, [fill.orderId]);
    return result;
  }
  if (!fill) return result;
  const released = await prisma.$transaction(async (tx) => {
    const { count } = await tx.rfqFill.deleteMany({ where: { txHash, status: "pending" } });
    if (count === 0) return false;
    await tx.rfqOrder.updateMany({
      where: { id: fill.orderId, fillingTxHash: txHash },
      data: { fillingTxHash: null },
    });
    return true;
  });
  if (released) await publishRfqOrders(prisma, [fill.orderId]);
  return result;
}
