import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";

/**
 * Delete one of the caller's passkeys: it can no longer sign in or stamp. Another user's passkey is
 * a 404 like a missing one. Answers 204.
 */
export async function deletePasskey({
  userId,
  passkeyId,
}: {
  userId: string;
  passkeyId: string;
}): Promise<void> {
  const prisma = await db();
  const { count } = await prisma.passkey.deleteMany({ where: { id: passkeyId, userId } });
  if (count === 0) throw new AppError("not_found", "Passkey not found.");
}
