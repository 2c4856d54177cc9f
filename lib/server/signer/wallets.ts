import "server-only";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { Hex } from "viem";
import type { PrismaClient, Tx } from "../db";
import { seal } from "./seal";

/** What a sealed key is bound to (the AES-GCM additional data). */
export const walletContext = (userId: string, chainId: number, address: string) =>
  `custodial-wallet:${userId}:${chainId}:${address}`;

/**
 * The user's custodial address on a chain, created on first use: a fresh secp256k1 key, sealed
 * under the instance's encryption key before it is stored. Concurrent first uses keep one.
 */
export async function ensureCustodialWallet(
  client: PrismaClient | Tx,
  userId: string,
  chainId: number,
): Promise<Hex> {
  const existing = await client.custodialWallet.findUnique({
    where: { userId_chainId: { userId, chainId } },
  });
  if (existing) return existing.address as Hex;
  const privateKey = generatePrivateKey();
  const { address } = privateKeyToAccount(privateKey);
  const secret = Buffer.from(privateKey.slice(2), "hex");
  await client.custodialWallet.createMany({
    data: [{ userId, chainId, address, encryptedKey: seal(secret, walletContext(userId, chainId, address)) }],
    skipDuplicates: true,
  });
  secret.fill(0);
  const row = await client.custodialWallet.findUniqueOrThrow({
    where: { userId_chainId: { userId, chainId } },
  });
  return row.address as Hex;
}
