import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { checkPassword, clientIp } from "../../auth/login";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../../audit/record-audit";

/**
 * Change one's own password; the current one must be given, checked with the sign-in throttle (a
 * stolen session cannot guess it faster than a sign-in could). Audited.
 */
export async function changePassword({
  principal,
  currentPassword,
  newPassword,
  request,
}: {
  principal: Principal;
  currentPassword: string;
  newPassword: string;
  request?: Request;
}): Promise<{ status: "ok" }> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: principal.userId } });
  if (!user) throw new AppError("not_found", "User not found.");
  const checked = await checkPassword({
    login: user.email,
    password: currentPassword,
    ip: request ? clientIp(request.headers) : "unknown",
  });
  if (checked?.id !== user.id) {
    throw new AppError("bad_request", "current_password: is not correct.", {
      fieldErrors: [{ field: "current_password", message: "is not correct" }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAudit(tx, { action: "password.changed", actor: principal, request });
  });
  return { status: "ok" };
}
