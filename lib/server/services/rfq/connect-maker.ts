import "server-only";
import { getAddress, isAddressEqual, type Hex } from "viem";
import { parseSiweMessage, validateSiweMessage } from "viem/siwe";
import type { TMakerConnectRequest, TMakerSession } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { db } from "../../db";
import { MAKER_SESSION_PREFIX, MAKER_SESSION_SECONDS } from "../../auth/maker-session";
import { generateTokenValue, hashTokenValue } from "../../auth/token-secret";
import { openDesk } from "./desk";

/**
 * POST /api/v1/makers/connect: a maker proves its wallet with an EIP-4361 message for this host,
 * carrying a nonce from GET /api/v1/makers/nonce, signed by the wallet (an EOA, or a smart wallet
 * through ERC-1271 / ERC-6492). The message's own fields are checked first; then the nonce is
 * consumed (single use, whatever the signature turns out to be), then the signature. Answers a
 * maker session token for `Authorization: Bearer`.
 */
export async function connectMaker({
  request,
  origin,
}: {
  request: TMakerConnectRequest;
  origin: { domain: string; uri: string };
}): Promise<TMakerSession> {
  const desk = await openDesk();
  const wallet = getAddress(request.wallet_address.toLowerCase());
  const invalid = (why: string) =>
    rfqError("unauthenticated", "siwe_invalid", `The Sign-In with Ethereum message ${why}.`);
  if (request.chain_id !== desk.open.chainId)
    throw rfqError(
      "bad_request",
      "wrong_chain",
      `chain_id ${request.chain_id} is not the desk's chain (${desk.open.chainId}).`,
    );
  const message = parseSiweMessage(request.message);
  if (!message.address || !message.nonce || !message.domain || !message.uri || !message.version)
    throw invalid("is not an EIP-4361 message (address, domain, URI, version and nonce are required)");
  if (!isAddressEqual(message.address, wallet)) throw invalid(`is for ${message.address}, not ${wallet}`);
  if (message.domain !== origin.domain)
    throw invalid(`is for ${message.domain}, not this host (${origin.domain})`);
  if (message.chainId !== desk.open.chainId)
    throw rfqError(
      "bad_request",
      "wrong_chain",
      `The message is for chain ${message.chainId}, not the desk's (${desk.open.chainId}).`,
    );
  const now = new Date();
  if (!validateSiweMessage({ message, domain: origin.domain, address: wallet, time: now }))
    throw invalid("is expired or not yet valid");

  const prisma = await db();
  const consumed = await prisma.rfqMakerNonce.deleteMany({
    where: { nonce: message.nonce, wallet, expiresAt: { gt: now } },
  });
  if (consumed.count !== 1)
    throw rfqError(
      "unauthenticated",
      "siwe_nonce_invalid",
      "The sign-in nonce is unknown, already used, expired, or another wallet's: get a new one from GET /api/v1/makers/nonce.",
    );
  const verified = await desk.open.client
    .verifySiweMessage({
      message: request.message,
      signature: request.signature as Hex,
      address: wallet,
      domain: origin.domain,
      nonce: message.nonce,
      time: now,
    })
    .catch(() => false);
  if (!verified) throw invalid(`is not signed by ${wallet}`);

  const token = generateTokenValue(MAKER_SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + MAKER_SESSION_SECONDS * 1000);
  await prisma.rfqMakerSession.create({
    data: { tokenHash: hashTokenValue(token), wallet, chainId: desk.open.chainId, expiresAt },
  });
  return {
    session_token: token,
    wallet_address: wallet,
    chain_id: desk.open.chainId,
    expires_at: expiresAt.toISOString(),
  };
}
