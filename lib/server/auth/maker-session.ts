import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../db";
import { hashTokenValue } from "./token-secret";

/** A maker on the RFQ desk: a wallet that signed in with Ethereum (EIP-4361), not a Tranche user. */
export interface MakerPrincipal {
  wallet: `0x${string}`;
  chainId: number;
  sessionId: string;
}

export const MAKER_SESSION_PREFIX = "rfq_";
/** How long a maker session lasts. */
export const MAKER_SESSION_SECONDS = 24 * 60 * 60;

/**
 * `Authorization: Bearer <maker session token>` from POST /api/v1/makers/connect. A missing header
 * is `unauthenticated`; an unknown or expired session (or an API token in its place) is
 * `invalid_credentials`.
 */
export async function authenticateMaker(request: Request): Promise<MakerPrincipal> {
  const header = request.headers.get("authorization");
  if (!header)
    throw new AppError(
      "unauthenticated",
      "A maker session is required: Authorization: Bearer <session_token>.",
    );
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() !== "bearer" || !value?.startsWith(MAKER_SESSION_PREFIX))
    throw new AppError(
      "invalid_credentials",
      "Maker routes take the session token of POST /api/v1/makers/connect as Authorization: Bearer <session_token>.",
    );
  const prisma = await db();
  const session = await prisma.rfqMakerSession.findUnique({ where: { tokenHash: hashTokenValue(value) } });
  if (!session || session.expiresAt <= new Date())
    throw new AppError("invalid_credentials", "The maker session is unknown or expired: connect again.");
  return { wallet: session.wallet as `0x${string}`, chainId: session.chainId, sessionId: session.id };
}

/**
 * The host and URI a maker's Sign-In with Ethereum message must name: the public URL's
 * (NEXTAUTH_URL), else the request's own.
 */
export function siweOrigin(request: Request): { domain: string; uri: string } {
  const base = new URL(process.env.NEXTAUTH_URL || request.url);
  return { domain: base.host, uri: base.origin };
}
