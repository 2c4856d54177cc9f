import "server-only";
import { getAddress } from "viem";
import { generateSiweNonce } from "viem/siwe";
import type { TMakerNonce } from "@/lib/contracts/rfq";
import { db } from "../../db";
import { openDesk } from "./desk";

/** How long a sign-in nonce may wait for its message. */
export const SIWE_NONCE_SECONDS = 300;

/**
 * GET /api/v1/makers/nonce: a single-use, expiring nonce for the wallet's Sign-In with Ethereum
 * message, with the domain, URI and chain id that message must carry.
 */
export async function createMakerNonce({
  walletAddress,
  origin,
}: {
  walletAddress: string;
  origin: { domain: string; uri: string };
}): Promise<TMakerNonce> {
  const desk = await openDesk();
  const prisma = await db();
  const wallet = getAddress(walletAddress.toLowerCase());
  const nonce = generateSiweNonce();
  const expiresAt = new Date(Date.now() + SIWE_NONCE_SECONDS * 1000);
  await prisma.rfqMakerNonce.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  await prisma.rfqMakerNonce.create({ data: { nonce, wallet, expiresAt } });
  return {
    nonce,
    wallet_address: wallet,
    domain: origin.domain,
    uri: origin.uri,
    chain_id: desk.open.chainId,
    expires_at: expiresAt.toISOString(),
  };
}
