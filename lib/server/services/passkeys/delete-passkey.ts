import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { recordAudit } from "../../audit/record-audit";

/**
 * Delete one of the caller's passkeys: it can no longer sign in or stamp. Another user's passkey is
 * a 404 like a missing one. Answers 204; the audit log keeps the deletion.
 */
export async function deletePasskey({
  principal,
  passkeyId,
  request,
}: {
  principal: Principal;
  passkeyId: string;
  request?: Request;
}): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId: principal.userId } });
    if (!passkey) throw new AppError("not_found", "Passkey not found.");
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordAudit(tx, {
      action: "passkey.deleted",
      actor: principal,
      targetId: passkey.id,
      details: { name: passkey.name },
      request,
    });
  });
}
