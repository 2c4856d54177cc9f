import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TPasskey } from "@/lib/contracts/passkeys";
import { db } from "../../db";
import { serializePasskey } from "../../surfaces/app/passkeys";

/** Rename one of the caller's passkeys; another user's is a 404 like a missing one. */
export async function renamePasskey({
  userId,
  passkeyId,
  name,
}: {
  userId: string;
  passkeyId: string;
  name: string;
}): Promise<TPasskey> {
  const prisma = await db();
  const { count } = await prisma.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } });
  const renamed = count === 0 ? null : await prisma.passkey.findFirst({ where: { id: passkeyId, userId } });
  if (!renamed) throw new AppError("not_found", "Passkey not found.");
  return serializePasskey(renamed);
}
