import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TSigningKey } from "@/lib/contracts/signing-keys";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { recordAudit } from "../../audit/record-audit";
import { serializeSigningKey } from "../../surfaces/app/passkeys";

/**
 * Revoke one of the caller's signing keys: its stamps are refused from now on. Another user's key
 * is a 404 like a missing one; revoking twice answers the same key.
 */
export async function revokeSigningKey({
  principal,
  keyId,
  request,
}: {
  principal: Principal;
  keyId: string;
  request?: Request;
}): Promise<TSigningKey> {
  const prisma = await db();
  const key = await prisma.signingKey.findFirst({ where: { id: keyId, userId: principal.userId } });
  if (!key) throw new AppError("not_found", "Signing key not found.");
  if (key.revokedAt) return serializeSigningKey(key);
  const revoked = await prisma.$transaction(async (tx) => {
    const row = await tx.signingKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      action: "signing_key.revoked",
      actor: principal,
      targetId: key.id,
      details: { public_key: key.publicKey, label: key.label },
      request,
    });
    return row;
  });
  return serializeSigningKey(revoked);
}
