import "server-only";
import { privateKeyToAccount } from "viem/accounts";
import { parseTransaction, type Hex } from "viem";
import { AppError } from "@/lib/domain/shared/errors";
import type { PrismaClient, Tx } from "../db";
import { unseal } from "./seal";
import { ensureCustodialWallet, walletContext } from "./wallets";

/**
 * The server-side signer of custodial addresses. A passkey or API-key stamp only *authorizes* a
 * payload (P-256 cannot sign for an EVM account); after the stamps verify, this signer signs the
 * payload's unsigned transaction with the user's secp256k1 key — the model of Turnkey's enclave.
 * One interface, so a KMS, an HSM or Turnkey itself can replace the local implementation.
 */
export interface CustodialSigner {
  /** The user's address on the chain, created on first use (zero balances). */
  addressFor(client: PrismaClient | Tx, userId: string, chainId: number): Promise<Hex>;
  /**
   * Sign a serialized unsigned EIP-1559 transaction from the user's address on that chain. `client`
   * reads the key (pass the transaction's `tx` to sign inside one).
   */
  signTransaction(options: {
    userId: string;
    chainId: number;
    unsignedTransaction: Hex;
    client?: PrismaClient | Tx;
  }): Promise<Hex>;
}

/**
 * Keys generated here and kept in the database, sealed with AES-256-GCM under the instance's
 * encryption key (TRANCHE_ENCRYPTION_KEY); a key is decrypted only to sign and never leaves this module.
 */
export class LocalCustodialSigner implements CustodialSigner {
  constructor(private readonly database: () => Promise<PrismaClient>) {}

  addressFor(client: PrismaClient | Tx, userId: string, chainId: number): Promise<Hex> {
    return ensureCustodialWallet(client, userId, chainId);
  }

  async signTransaction({
    userId,
    chainId,
    unsignedTransaction,
    client,
  }: {
    userId: string;
    chainId: number;
    unsignedTransaction: Hex;
    client?: PrismaClient | Tx;
  }): Promise<Hex> {
    const prisma = client ?? (await this.database());
    const wallet = await prisma.custodialWallet.findUnique({
      where: { userId_chainId: { userId, chainId } },
    });
    if (!wallet) throw new AppError("not_found", "This account has no custodial address on that chain.");
    const transaction = parseTransaction(unsignedTransaction);
    if (transaction.type !== "eip1559" || transaction.chainId !== chainId) {
      throw new AppError("bad_request", "Only EIP-1559 transactions for this chain are signed.");
    }
    const key = unseal(wallet.encryptedKey, walletContext(userId, chainId, wallet.address));
    try {
      const account = privateKeyToAccount(`0x${key.toString("hex")}`);
      if (account.address !== wallet.address) throw new Error("Custodial key does not match its address.");
      return await account.signTransaction(transaction);
    } finally {
      key.fill(0);
    }
  }
}
