import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TRole } from "@/lib/contracts/auth";
import type { TUser } from "@/lib/contracts/users";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { recordAudit } from "../../audit/record-audit";
import { serializeUser } from "../../surfaces/app/serializers";

/**
 * Change a user's role, disable / enable them, or turn their `api_key` stamps off / on (admins). An admin cannot demote or disable
 * themselves, so an instance never loses its last way in by accident.
 */
export async function updateUser({
  principal,
  userId,
  changes,
  request,
}: {
  principal: Principal;
  userId: string;
  changes: { role?: TRole; disabled?: boolean; api_key_stamps?: boolean };
  request?: Request;
}): Promise<TUser> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not_found", "User not found.");
  if (user.id === principal.userId && (changes.role === "trader" || changes.disabled === true)) {
    throw new AppError("conflict", "You cannot demote or disable your own account.");
  }
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.user.update({
      where: { id: user.id },
      data: {
        role: changes.role,
        disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? new Date() : null,
        apiKeyStampsAllowed: changes.api_key_stamps,
      },
    });
    await recordAudit(tx, {
      action: "user.updated",
      actor: principal,
      subjectUserId: user.id,
      details: changes,
      request,
    });
    return row;
  });
  return serializeUser(updated);
}
