import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TSigningKey } from "@/lib/contracts/signing-keys";
import { db } from "../../db";
import { serializeSigningKey } from "../../surfaces/app/passkeys";

/**
 * Revoke one of the caller's signing keys: its stamps are refused from now on. Another user's key
 * is a 404 like a missing one; revoking twice answers the same key.
 */
export async function revokeSigningKey({
  userId,
  keyId,
}: {
  userId: string;
  keyId: string;
}): Promise<TSigningKey> {
  const prisma = await db();
  const key = await prisma.signingKey.findFirst({ where: { id: keyId, userId } });
  if (!key) throw new AppError("not_found", "Signing key not found.");
  if (key.revokedAt) return serializeSigningKey(key);
  const revoked = await prisma.signingKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
  return serializeSigningKey(revoked);
}
