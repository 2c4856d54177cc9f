import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TToken } from "@/lib/contracts/tokens";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { recordAudit } from "../../audit/record-audit";
import { serializeToken } from "../../surfaces/app/serializers";

/**
 * Revoke a token: the caller's own, or any token for an admin. Another user's token is a 404 like a
 * missing one. Revoking twice is harmless and answers the same token. The tokens it minted, and
 * theirs, are revoked with it, in the same transaction as the audit entry.
 */
export async function revokeToken({
  principal,
  tokenId,
  request,
}: {
  principal: Principal;
  tokenId: string;
  request?: Request;
}): Promise<TToken> {
  const prisma = await db();
  const isAdmin = principal.scopes.includes("admin");
  const token = await prisma.apiToken.findFirst({
    where: { id: tokenId, ...(isAdmin ? {} : { userId: principal.userId }) },
  });
  if (!token) throw new AppError("not_found", "Token not found.");
  if (token.revokedAt) return serializeToken(token);
  const now = new Date();
  const revoked = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    const descendants: string[] = [];
    for (let parents = [token.id]; parents.length > 0;) {
      const children = await tx.apiToken.findMany({
        where: { parentId: { in: parents }, revokedAt: null },
        select: { id: true },
      });
      parents = children.map((child) => child.id);
      descendants.push(...parents);
    }
    if (descendants.length > 0) {
      await tx.apiToken.updateMany({ where: { id: { in: descendants } }, data: { revokedAt: now } });
    }
    await recordAudit(tx, {
      action: "token.revoked",
      actor: principal,
      subjectUserId: token.userId,
      targetId: token.id,
      details: { label: token.label, with_children: descendants },
      request,
    });
    return row;
  });
  return serializeToken(revoked);
}
