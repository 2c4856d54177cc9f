import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TToken } from "@/lib/contracts/tokens";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { serializeToken } from "../../surfaces/app/serializers";

/**
 * Revoke a token: the caller's own, or any token for an admin. Another user's token is a 404 like a
 * missing one. Revoking twice is harmless and answers the same token.
 */
export async function revokeToken({
  principal,
  tokenId,
}: {
  principal: Principal;
  tokenId: string;
}): Promise<TToken> {
  const prisma = await db();
  const isAdmin = principal.scopes.includes("admin");
  const token = await prisma.apiToken.findFirst({
    where: { id: tokenId, ...(isAdmin ? {} : { userId: principal.userId }) },
  });
  if (!token) throw new AppError("not_found", "Token not found.");
  if (token.revokedAt) return serializeToken(token);
  const revoked = await prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  return serializeToken(revoked);
}
