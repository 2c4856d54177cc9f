import "server-only";
import {
  keccak256,
  serializeTransaction,
  type Address,
  type Hex,
  type PrivateKeyAccount,
  type TransactionReceipt,
} from "viem";
import type { PrismaClient, Tx } from "../db";
import { custodialSigner } from "../signer";
import type { OpenChain } from "./index";

/**
 * Every transaction Tranche sends goes through here: its nonce is allocated under a lock on its
 * sender's row, it is signed, and the signed bytes are stored (`signed`) BEFORE they are sent. A
 * send that died — the process, the node, the network — is finished by `settleTransaction`, which
 * reads the receipt, or re-sends the very same bytes; whoever records the outcome does so with a
 * conditional update, so it is written once. (Issue 14's swaps reuse this as they are.)
 */

/** Who signs: the operator's key, or a user's custodial key. */
export type ChainSigner =
  { kind: "operator"; account: PrivateKeyAccount } | { kind: "custodial"; userId: string; address: Address };

export const signerAddress = (signer: ChainSigner): Address =>
  signer.kind === "operator" ? signer.account.address : signer.address;

export interface Call {
  /** None for a contract creation. */
  to?: Address;
  data: Hex;
  value?: bigint;
}

/** What is read from the chain before the database transaction that stages a send. */
export interface SendQuote {
  call: Call;
  from: Address;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  /** The sender's transaction count including pending ones. */
  chainNonce: number;
}

export type TransactionOutcome =
  | { status: "mined"; receipt: TransactionReceipt }
  | { status: "reverted"; receipt: TransactionReceipt }
  | { status: "dropped"; error: string }
  | { status: "pending" };

const GAS_HEADROOM_PCT = 125n;

/** Estimate gas and fees for `call` from `from` (throws the node's revert when it would fail). */
export async function quoteSend(open: OpenChain, from: Address, call: Call): Promise<SendQuote> {
  const [estimate, fees, chainNonce] = await Promise.all([
    open.client.estimateGas({ account: from, to: call.to, data: call.data, value: call.value }),
    open.client.estimateFeesPerGas(),
    open.client.getTransactionCount({ address: from, blockTag: "pending" }),
  ]);
  return {
    call,
    from,
    gas: (estimate * GAS_HEADROOM_PCT) / 100n,
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    chainNonce,
  };
}

/**
 * Inside the caller's database transaction: allocate the nonce, sign, and store the signed bytes.
 * The nonce is the larger of the chain's count and one past every stored transaction of this
 * sender that was not dropped, so concurrent senders on one database never share one.
 */
export async function stageTransaction(
  tx: Tx,
  open: OpenChain,
  signer: ChainSigner,
  quote: SendQuote,
  purpose: string,
): Promise<{ hash: Hex; nonce: number }> {
  const from = signerAddress(signer);
  await tx.$executeRaw`INSERT INTO "ChainSender" ("chainId", "address", "nextNonce", "updatedAt")
    VALUES (${open.chainId}, ${from}, 0, now()) ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "ChainSender" WHERE "chainId" = ${open.chainId} AND "address" = ${from} FOR UPDATE`;
  const stored = await tx.chainTransaction.aggregate({
    where: { chainId: open.chainId, from, status: { not: "dropped" } },
    _max: { nonce: true },
  });
  const next = stored._max.nonce === null ? 0 : Number(stored._max.nonce) + 1;
  const nonce = Math.max(quote.chainNonce, next);
  const unsigned = {
    type: "eip1559" as const,
    chainId: open.chainId,
    nonce,
    to: quote.call.to,
    data: quote.call.data,
    value: quote.call.value ?? 0n,
    gas: quote.gas,
    maxFeePerGas: quote.maxFeePerGas,
    maxPriorityFeePerGas: quote.maxPriorityFeePerGas,
  };
  const raw =
    signer.kind === "operator"
      ? await signer.account.signTransaction(unsigned)
      : await custodialSigner().signTransaction({
          userId: signer.userId,
          chainId: open.chainId,
          unsignedTransaction: serializeTransaction(unsigned),
          client: tx,
        });
  const hash = keccak256(raw);
  await tx.chainTransaction.create({
    data: {
      hash,
      chainId: open.chainId,
      from,
      to: quote.call.to ?? null,
      nonce: BigInt(nonce),
      raw,
      purpose,
      status: "signed",
    },
  });
  await tx.chainSender.update({
    where: { chainId_address: { chainId: open.chainId, address: from } },
    data: { nextNonce: BigInt(nonce + 1) },
  });
  return { hash, nonce };
}

/** Put stored bytes on the wire. A node that already has them is not an error. */
export async function broadcast(prisma: PrismaClient, open: OpenChain, hash: Hex): Promise<void> {
  const row = await prisma.chainTransaction.findUniqueOrThrow({ where: { hash } });
  try {
    await open.client.sendRawTransaction({ serializedTransaction: row.raw as Hex });
  } catch (error) {
    const message = (error as Error).message ?? "";
    if (!/already known|already imported|known transaction/i.test(message)) throw error;
  }
  await prisma.chainTransaction.updateMany({ where: { hash, status: "signed" }, data: { status: "sent" } });
}

/** Wait for the receipt of a sent transaction and record mined / reverted. */
export async function awaitReceipt(
  prisma: PrismaClient,
  open: OpenChain,
  hash: Hex,
  timeoutMs = 60_000,
): Promise<TransactionOutcome> {
  const receipt = await open.client.waitForTransactionReceipt({ hash, timeout: timeoutMs });
  return recordReceipt(prisma, receipt);
}

async function recordReceipt(prisma: PrismaClient, receipt: TransactionReceipt): Promise<TransactionOutcome> {
  const status = receipt.status === "success" ? "mined" : "reverted";
  await prisma.chainTransaction.updateMany({
    where: { hash: receipt.transactionHash, status: { in: ["signed", "sent"] } },
    data: { status, blockNumber: receipt.blockNumber },
  });
  return { status, receipt };
}

/**
 * Finish a stored transaction whose sender may have died: its receipt if the chain has one; else
 * the same bytes are sent again; a node that refuses them (their nonce went to another transaction)
 * makes it `dropped`. Safe to call any number of times, from any process.
 */
export async function settleTransaction(
  prisma: PrismaClient,
  open: OpenChain,
  hash: Hex,
): Promise<TransactionOutcome> {
  const existing = await open.client.getTransactionReceipt({ hash }).catch(() => null);
  if (existing) return recordReceipt(prisma, existing);
  try {
    await broadcast(prisma, open, hash);
  } catch (error) {
    const message = ((error as Error).message ?? "").split("\n")[0]!.slice(0, 500);
    if (/nonce too low|nonce has already been used|invalid nonce/i.test(message)) {
      // One last look: it may have been mined between the two calls.
      const late = await open.client.getTransactionReceipt({ hash }).catch(() => null);
      if (late) return recordReceipt(prisma, late);
      await prisma.chainTransaction.updateMany({
        where: { hash, status: { in: ["signed", "sent"] } },
        data: { status: "dropped", error: message },
      });
      return { status: "dropped", error: message };
    }
    throw error;
  }
  const receipt = await open.client.waitForTransactionReceipt({ hash, timeout: 10_000 }).catch(() => null);
  return receipt ? recordReceipt(prisma, receipt) : { status: "pending" };
}

/** Stored transactions not yet mined, reverted or dropped (oldest first). */
export async function unsettledTransactions(prisma: PrismaClient, chainId: number, purpose?: string) {
  return prisma.chainTransaction.findMany({
    where: { chainId, status: { in: ["signed", "sent"] }, ...(purpose ? { purpose } : {}) },
    orderBy: [{ createdAt: "asc" }, { nonce: "asc" }],
  });
}

/**
 * Stage, send and wait, for a transaction that belongs to no other row (a deployment, a whitelist,
 * a faucet mint). Returns the receipt; a revert is an error.
 */
export async function sendTransaction(
  prisma: PrismaClient,
  open: OpenChain,
  signer: ChainSigner,
  call: Call,
  purpose: string,
): Promise<TransactionReceipt> {
  const quote = await quoteSend(open, signerAddress(signer), call);
  const { hash } = await prisma.$transaction((tx) => stageTransaction(tx, open, signer, quote, purpose));
  await broadcast(prisma, open, hash);
  const outcome = await awaitReceipt(prisma, open, hash);
  if (outcome.status !== "mined") throw new Error(`${purpose}: transaction ${hash} reverted.`);
  return (outcome as { receipt: TransactionReceipt }).receipt;
}
