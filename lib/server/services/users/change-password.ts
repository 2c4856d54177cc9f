import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { hashPassword, verifyPassword } from "../../auth/password";

/** Change one's own password; the current one must be given. */
export async function changePassword({
  userId,
  currentPassword,
  newPassword,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<{ status: "ok" }> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not_found", "User not found.");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("bad_request", "current_password: is not correct.", {
      fieldErrors: [{ field: "current_password", message: "is not correct" }],
    });
  }
  await prisma.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(newPassword) },
  });
  return { status: "ok" };
}
