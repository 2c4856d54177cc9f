import "server-only";
import { keccak256, type Hex } from "viem";
import { parsePayload, type EvmTxPayload } from "@/lib/domain/defi/payload";
import { slippageRevertReason } from "@/lib/domain/defi/format";
import { fillOf } from "@/lib/domain/defi/swap-plan";
import { defiToken, type DefiToken } from "@/lib/domain/defi/tokens";
import { assertTransition, type CanonicalStatus } from "@/lib/domain/orders/status";
import { db, type Tx } from "../../db";
import type { Order } from "../../db/generated/client";
import { publishOrders } from "../../events/publish-orders";
import { custodialSigner } from "../../signer";
import { venue } from "../../venues";
import { defiVenue, TransactionRejected, type Receipt } from "../../venues/amm";
import { transactionNonce } from "./nonces";

/**
 * Take a `pending` order's on-chain steps (its payloads authorized) to their outcome: the custodial
 * signer signs each step, the hashes are recorded before anything is broadcast, the chain includes
 * the steps in order. A DeFi order ends `complete` (the swap recorded as a fill) or `failed` with the
 * reason; a funded CeFi order (its one step the bridge transfer) becomes `active` with its paper
 * account credited, for the engine to work, or `failed`.
 *
 * It may run again for the same order — the execute request that started it may have died half-way
 * (see sweep-gateway-orders.ts) — so every step is idempotent: a step already on the chain is not
 * signed or sent again (its included transaction answers for it), and the outcome is written only
 * if the order is still `pending`, so a second run records no second fill. Answers the status the
 * order has afterwards. Throws when the chain cannot be reached (the order stays pending, and is
 * taken up again later).
 */
export async function settleDefiOrder(orderId: string, { now }: { now: number }): Promise<CanonicalStatus> {
  const prisma = await db();
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const chain = order.chainName ?? order.fundingChain;
  if (order.status !== "pending" || !chain || order.evmChainId === null) {
    return order.status as CanonicalStatus;
  }
  const payloads = order.payloads.map((text) => parsePayload(text));
  const amm = defiVenue(chain);
  const included = await amm.includedFor(order.id, prisma);

  // Sign every step not yet on the chain and record the hashes before anything is broadcast:
  // whatever happens next, the order names the transactions that may be on the chain.
  const signer = custodialSigner();
  const signed: Hex[] = [];
  try {
    for (const payload of payloads) {
      const unsignedTransaction = payload.unsignedTransaction as Hex;
      const nonce = transactionNonce(unsignedTransaction);
      signed.push(
        included.get(nonce) ??
          (await signer.signTransaction({
            userId: order.userId,
            chainId: order.evmChainId,
            unsignedTransaction,
          })),
      );
    }
  } catch (error) {
    // Nothing new was broadcast: the order fails now rather than wait forever (the cause is logged with the 500).
    await finish(order, [], "The custodial signer could not sign the transactions.", now);
    throw error;
  }
  const hashes = signed.map((raw) => keccak256(raw));
  if (hashes.join() !== order.txHashes.join()) {
    await prisma.order.updateMany({
      where: { id: order.id, status: "pending" },
      data: { txHashes: hashes, version: { increment: 1 } },
    });
  }

  const receipts: Receipt[] = [];
  let failure: string | null = null;
  for (const [index, raw] of signed.entries()) {
    const step = stepName(payloads[index]!);
    try {
      // A step already included is answered with its first receipt, not included twice.
      const receipt = await amm.submit(raw, { now, orderId: order.id });
      receipts.push(receipt);
      if (receipt.status === "reverted") {
        failure = revertMessage(step, receipt, order);
        break;
      }
    } catch (error) {
      if (!(error instanceof TransactionRejected)) throw error;
      failure = `${step} transaction was rejected by the ${chain} chain: ${error.message}.`;
      break;
    }
  }
  return finish(order, receipts, failure, now);
}

/** The outcome of the steps: a DeFi order's swap, or a funded CeFi order's transfer. */
const finish = (order: Order, receipts: Receipt[], failure: string | null, now: number) =>
  order.fundingAmount !== null
    ? finishFunding(order, receipts, failure, now)
    : finishSwap(order, receipts, failure, now);

const stepName = (payload: EvmTxPayload): string => payload.summary.split(" ")[0]!;

function tokensOf(order: Order): { base: DefiToken; quote: DefiToken } {
  return { base: defiToken(order.baseAsset)!, quote: defiToken(order.quoteAsset)! };
}

function revertMessage(step: string, receipt: Receipt, order: Order): string {
  if (receipt.revertData) {
    const { base, quote } = tokensOf(order);
    const tokenOut = order.side === "buy" ? base : quote;
    return slippageRevertReason(
      BigInt(receipt.revertData.amountOut),
      BigInt(receipt.revertData.amountOutMin),
      tokenOut,
    );
  }
  return `${step} reverted: ${receipt.revertReason ?? "no reason given"}`;
}

/** Another run of settleDefiOrder wrote the outcome first. */
class AlreadySettled extends Error {}

type Settle = (
  tx: Tx,
  to: "complete" | "failed" | "active",
  data: Record<string, unknown>,
  message: { level: "INFO" | "ERROR"; message: string },
) => Promise<void>;

/**
 * Record an outcome in one transaction, only if the order is still `pending` (a concurrent run that
 * got there first wins; this one writes nothing): `write` moves it with `settle` — the one status
 * write, pending → `to` — and adds its rows. Then the owner's live stream hears of it.
 */
async function writeOutcome(
  order: Order,
  receipts: Receipt[],
  now: number,
  write: (tx: Tx, settle: Settle) => Promise<CanonicalStatus>,
): Promise<CanonicalStatus> {
  const prisma = await db();
  const time = new Date(now);
  const settle: Settle = async (tx, to, data, message) => {
    assertTransition("pending", to);
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: "pending" },
      data: {
        ...data,
        status: to,
        txHashes: receipts.map((receipt) => receipt.hash),
        ...(to === "active" ? {} : { completedAt: time }),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AlreadySettled();
    await tx.orderMessage.create({ data: { orderId: order.id, ...message, createdAt: time } });
  };
  let status: CanonicalStatus;
  try {
    status = await prisma.$transaction((tx) => write(tx, settle));
  } catch (error) {
    if (!(error instanceof AlreadySettled)) throw error;
    const current = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true },
    });
    return current.status as CanonicalStatus;
  }
  await publishOrders(prisma, [order.id]);
  return status;
}

/** A DeFi order's outcome: the swap as a fill and the order complete, or failed. */
async function finishSwap(
  order: Order,
  receipts: Receipt[],
  failure: string | null,
  now: number,
): Promise<CanonicalStatus> {
  const prisma = await db();
  const wallet = await prisma.custodialWallet.findUniqueOrThrow({
    where: { userId_chainId: { userId: order.userId, chainId: order.evmChainId! } },
  });
  const swapReceipt = receipts.find((receipt) => receipt.method === "swapExactTokensForTokens");
  const swapLog = swapReceipt?.logs.find((log) => log.event === "Swap");
  const { base, quote } = tokensOf(order);
  const time = new Date(now);
  return writeOutcome(order, receipts, now, async (tx, settle) => {
    if (failure || !swapReceipt || swapReceipt.status !== "success" || !swapLog || swapLog.event !== "Swap") {
      const reason = failure ?? "The swap was not confirmed.";
      await settle(
        tx,
        "failed",
        { failureReason: reason },
        { level: "ERROR", message: `Order failed: ${reason}` },
      );
      if (swapReceipt) {
        await tx.placement.create({
          data: placementData(order, wallet.id, swapReceipt.hash, time, {
            status: "rejected",
            size: order.targetUnit === "base" ? order.targetQty.toString() : "0",
            reason,
          }),
        });
      }
      return "failed";
    }
    const fill = fillOf({
      side: order.side,
      base,
      quote,
      amountIn: BigInt(swapLog.amountIn),
      amountOut: BigInt(swapLog.amountOut),
      feeBps: swapLog.feeBps,
    });
    const summary = parsePayload(order.payloads.at(-1)!).summary;
    await settle(
      tx,
      "complete",
      {
        executedBase: fill.size.toFixed(),
        executedQuote: fill.notional.toFixed(),
        totalFee: fill.fee.toFixed(),
        feeAsset: fill.feeAsset,
        departurePrice: fill.price.toFixed(),
      },
      {
        level: "INFO",
        message: `Order complete: ${summary.replace(/ for ≥ .*/, "")} filled ${fill.size.toFixed()} ${base.symbol} at ${fill.price.toDecimalPlaces(8).toFixed()} ${quote.symbol} in block ${swapReceipt.blockNumber} (tx ${swapReceipt.hash}).`,
      },
    );
    const placement = await tx.placement.create({
      data: placementData(order, wallet.id, swapReceipt.hash, time, {
        status: "filled",
        size: fill.size.toFixed(),
        price: fill.price.toFixed(),
      }),
    });
    await tx.fill.create({
      data: {
        orderId: order.id,
        placementId: placement.id,
        accountId: wallet.id,
        userId: order.userId,
        venue: "amm",
        pair: order.pair,
        side: order.side,
        externalId: swapReceipt.hash,
        price: fill.price.toFixed(),
        size: fill.size.toFixed(),
        notional: fill.notional.toFixed(),
        fee: fill.fee.toFixed(),
        feeAsset: fill.feeAsset,
        role: "TAKE",
        time,
      },
    });
    return "complete";
  });
}

/**
 * A funded CeFi order's outcome: the transfer arrived at the venue's deposit address, so the paper
 * account is credited and the order starts now (`active`, its clock and arrival price from now) for
 * the engine to work; or the transfer failed and so does the order, nothing credited.
 */
async function finishFunding(
  order: Order,
  receipts: Receipt[],
  failure: string | null,
  now: number,
): Promise<CanonicalStatus> {
  const transfer = receipts.find((receipt) => receipt.method === "transfer");
  const accountId = order.accountIds[0]!;
  const amount = order.fundingAmount!.toString();
  return writeOutcome(order, receipts, now, async (tx, settle) => {
    if (failure || !transfer || transfer.status !== "success") {
      const reason = `Funding failed: ${failure ?? "the transfer was not confirmed."}`;
      await settle(
        tx,
        "failed",
        { failureReason: reason },
        { level: "ERROR", message: `Order failed: ${reason}` },
      );
      return "failed";
    }
    const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
    await tx.balance.upsert({
      where: { accountId_asset: { accountId, asset: order.quoteAsset } },
      create: { accountId, asset: order.quoteAsset, amount },
      update: { amount: { increment: amount } },
    });
    const mid = venue(order.venue).book(order.pair, now).mid;
    const end = order.duration !== null ? new Date(now + order.duration * 1000) : null;
    await settle(
      tx,
      "active",
      {
        startAt: new Date(now),
        timeStart: new Date(now),
        timeEnd: end,
        origTimeEnd: end,
        arrivalPrice: mid.toFixed(),
      },
      {
        level: "INFO",
        message: `Funding arrived: ${amount.replace(/\.?0+$/, "")} ${order.quoteAsset} credited to ${account.name} (tx ${transfer.hash}, block ${transfer.blockNumber}). Order started.`,
      },
    );
    return "active";
  });
}

function placementData(
  order: Order,
  walletId: string,
  hash: string,
  time: Date,
  outcome: { status: "filled" | "rejected"; size: string; price?: string; reason?: string },
) {
  return {
    orderId: order.id,
    accountId: walletId,
    clientId: `${order.id}:swap`,
    venue: "amm",
    pair: order.pair,
    side: order.side,
    kind: "swap",
    tif: "IOC",
    placementType: "TAKE" as const,
    price: outcome.price ?? null,
    size: outcome.size,
    filled: outcome.status === "filled" ? outcome.size : "0",
    status: outcome.status,
    reason: outcome.reason ?? null,
    externalId: hash,
    createdAt: time,
    closedAt: time,
  };
}
