import "server-only";
import { encodeFunctionData, type Address, type Hex } from "viem";
import type { TFillRequest, TFillResponse } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { fillAmounts, maxTakerIncentive, type RfqOrderMessage } from "@/lib/domain/rfq/order";
import { effectiveStatus } from "@/lib/domain/rfq/status";
import { AppError } from "@/lib/domain/shared/errors";
import { RFQSettlement } from "@/solidity/artifacts";
import { db, Prisma, type PrismaClient } from "../../db";
import { awaitReceipt, broadcast, quoteSend, stageTransaction } from "../../chain/transactions";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { parseOrder } from "./check-signed-order";
import { SETTLEMENT_ERRORS_ABI, openDesk, orderHash, revertOf, type Desk } from "./desk";
import { recordFillOutcome } from "./record-fill-outcome";
import { whyNotTakerAction } from "./rfq-order-state";

/** The contract's named errors in the desk's words. */
function fillRevertError(name: string, args: readonly unknown[]): AppError {
  switch (name) {
    case "InvalidSignature":
      return rfqError(
        "bad_request",
        "invalid_signature",
        "The settlement contract refuses the maker's signature.",
      );
    case "OrderExpired":
      return rfqError("bad_request", "order_expired", "The order's deadline has passed on the chain.");
    case "NonceUsed":
      return rfqError(
        "conflict",
        "nonce_used",
        "The maker invalidated this order's nonce on-chain (or used it for another order).",
      );
    case "Overfill":
      return rfqError(
        "bad_request",
        "fill_exceeds_remainder",
        `The contract has only ${String(args[0])} left of this order.`,
        {
          remaining_quantity: String(args[0]),
        },
      );
    case "IncentiveTooHigh":
      return rfqError(
        "bad_request",
        "incentive_too_high",
        `taker_incentive is above the fill's share (${String(args[0])}).`,
      );
    case "UnknownAsset":
      return rfqError(
        "bad_request",
        "unknown_instrument",
        "The settlement contract does not list this asset.",
      );
    case "ERC20InsufficientBalance":
      return rfqError(
        "bad_request",
        "insufficient_balance",
        `${String(args[0])} holds ${String(args[1])}, and the fill needs ${String(args[2])}.`,
      );
    case "ERC20InsufficientAllowance":
      return rfqError(
        "bad_request",
        "insufficient_allowance",
        `The settlement contract may spend ${String(args[1])} of the payer's tokens, and the fill needs ${String(args[2])}.`,
      );
    default:
      return rfqError("conflict", "fill_reverted", `The fill would revert on the chain (${name}).`, {
        revert: name,
      });
  }
}

/** Run the fill as a call first: a revert is a clear error, and nothing is signed or stored. */
async function simulateFill(
  desk: Desk,
  taker: Address,
  args: readonly [RfqOrderMessage, Hex, bigint, bigint],
) {
  try {
    await desk.open.client.simulateContract({
      address: desk.contracts.settlement,
      abi: SETTLEMENT_ERRORS_ABI,
      functionName: "fillOrder",
      args,
      account: taker,
    });
  } catch (error) {
    const revert = revertOf(error);
    if (revert) throw fillRevertError(revert.name, revert.args);
    throw rfqError(
      "unavailable",
      "chain_unavailable",
      `The chain did not answer the fill's simulation: ${(error as Error).message.split("\n")[0]}`,
    );
  }
}

/**
 * POST /api/v1/orders/fill (the seed): settle part or all of an order the caller has locked,
 * through RFQSettlement.fillOrder from the caller's desk wallet. Checked here first (the order is
 * the one posted under its (maker, nonce), locked by this taker and unexpired; the quantity within
 * the remainder; the incentive within the pro-rata share), then simulated on the chain, then — in
 * one database transaction — the order is claimed for this fill, the transaction signed, and its
 * bytes and the pending fill stored; only then is it sent. Answers once it is mined. A revert
 * changes nothing here; a crash after the send is finished by the sweep from the receipt.
 */
export async function fillRfqOrder({
  userId,
  request,
}: {
  userId: string;
  request: TFillRequest;
}): Promise<TFillResponse> {
  const staged = await stageFill({ userId, request });
  return settle(staged.prisma, staged.desk, staged.txHash, staged.orderHash, staged.taker, staged.args);
}

/**
 * Everything of a fill up to the send: checked, simulated, claimed, signed and stored. What is
 * staged is finished by `fillRfqOrder`, or — if this process dies first — by the sweep.
 */
export async function stageFill({ userId, request }: { userId: string; request: TFillRequest }) {
  const desk = await openDesk();
  const prisma = await db();
  const order = parseOrder(request.order);
  const fillQuantity = BigInt(request.fill_quantity);
  const takerIncentive = BigInt(request.taker_incentive);
  const row = await prisma.rfqOrder.findFirst({
    where: {
      chainId: desk.open.chainId,
      maker: order.maker,
      nonce: new Prisma.Decimal(order.nonce.toString()),
    },
  });
  if (!row)
    throw new AppError("not_found", `No order of ${order.maker} with nonce ${order.nonce} is on the desk.`);
  if (orderHash(desk, order) !== row.orderHash)
    throw rfqError(
      "bad_request",
      "order_mismatch",
      `The order differs from the one ${order.maker} signed with nonce ${order.nonce} (${row.orderHash}): it was changed.`,
      { order_hash: row.orderHash },
    );
  if (request.signature.toLowerCase() !== row.signature)
    throw rfqError(
      "bad_request",
      "invalid_signature",
      "The signature is not the one the maker posted with this order.",
    );
  const now = Date.now();
  const status = effectiveStatus(row, now);
  if (row.fillingTxHash || status !== "locked" || row.lockedByUserId !== userId)
    throw whyNotTakerAction(row, userId, "fill", now);
  const remaining = BigInt(row.quantity.toFixed()) - BigInt(row.filledQuantity.toFixed());
  if (fillQuantity === 0n || fillQuantity > remaining)
    throw rfqError(
      "bad_request",
      "fill_exceeds_remainder",
      `fill_quantity ${fillQuantity} is ${fillQuantity === 0n ? "zero" : `above what is left of the order (${remaining})`}.`,
      { remaining_quantity: remaining.toString() },
    );
  const maxIncentive = maxTakerIncentive(order, fillQuantity);
  if (takerIncentive > maxIncentive)
    throw rfqError(
      "bad_request",
      "incentive_too_high",
      `taker_incentive ${takerIncentive} is above this fill's pro-rata share of the incentive (${maxIncentive}).`,
      { max_taker_incentive: maxIncentive.toString() },
    );

  const taker = row.lockedBy as Address;
  const args = [order, row.signature as Hex, fillQuantity, takerIncentive] as const;
  await simulateFill(desk, taker, args);
  const call = {
    to: desk.contracts.settlement,
    data: encodeFunctionData({ abi: RFQSettlement.abi, functionName: "fillOrder", args }),
  };
  const quote = await quoteSend(desk.open, taker, call);
  const amounts = fillAmounts(order.price, fillQuantity, desk.feeBps, takerIncentive);
  const txHash = await prisma.$transaction(async (tx) => {
    const claimed = await tx.rfqOrder.updateMany({
      where: {
        id: row.id,
        status: "locked",
        lockedByUserId: userId,
        fillingTxHash: null,
        lockExpiresAt: { gt: new Date(now) },
      },
      data: { fillingTxHash: "claimed" },
    });
    if (claimed.count === 0) return null;
    const { hash } = await stageTransaction(
      tx,
      desk.open,
      { kind: "custodial", userId, address: taker },
      quote,
      "rfq.fill",
    );
    await tx.rfqOrder.update({ where: { id: row.id }, data: { fillingTxHash: hash } });
    await tx.rfqFill.create({
      data: {
        orderId: row.id,
        takerUserId: userId,
        takerAddress: taker,
        txHash: hash,
        fillQuantity: fillQuantity.toString(),
        filledAmount: amounts.filledAmount.toString(),
        feeAmount: amounts.feeAmount.toString(),
        incentiveAmount: amounts.incentiveAmount.toString(),
        status: "pending",
      },
    });
    return hash;
  });
  if (!txHash)
    throw whyNotTakerAction(
      await prisma.rfqOrder.findUniqueOrThrow({ where: { id: row.id } }),
      userId,
      "fill",
      now,
    );
  await publishRfqOrders(prisma, [row.id]);
  return { prisma, desk, txHash, orderHash: row.orderHash, taker, args };
}

/** Send the stored fill, wait for it, and record what the chain did. */
async function settle(
  prisma: PrismaClient,
  desk: Desk,
  txHash: Hex,
  hash: string,
  taker: Address,
  args: readonly [RfqOrderMessage, Hex, bigint, bigint],
): Promise<TFillResponse> {
  const unsent = () =>
    rfqError(
      "unavailable",
      "chain_unavailable",
      `The fill ${txHash} is signed and stored, but the chain did not confirm it yet; the desk finishes it when the chain answers.`,
      { tx_hash: txHash },
    );
  try {
    await broadcast(prisma, desk.open, txHash);
  } catch {
    throw unsent();
  }
  const outcome = await awaitReceipt(prisma, desk.open, txHash).catch(() => null);
  if (!outcome) throw unsent();
  const recorded = await recordFillOutcome(prisma, desk, txHash, outcome);
  if (recorded.status !== "mined") {
    // Why, in the contract's words, as of now.
    const why = await simulateFill(desk, taker, args).then(
      () => null,
      (error: AppError) => error.message,
    );
    throw rfqError(
      "conflict",
      "fill_reverted",
      `The fill's transaction ${txHash} reverted on the chain${why ? ` (${why})` : ""}; nothing was recorded.`,
      { tx_hash: txHash },
    );
  }
  const fill = await prisma.rfqFill.findUniqueOrThrow({ where: { txHash } });
  return {
    success: true,
    tx_hash: txHash,
    order_hash: hash,
    filled_quantity: fill.fillQuantity.toFixed(),
    filled_amount: fill.filledAmount.toFixed(),
    fee_amount: fill.feeAmount.toFixed(),
    incentive_amount: fill.incentiveAmount.toFixed(),
    status: recorded.orderStatus,
  };
}
