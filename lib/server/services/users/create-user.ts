import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TCreateUserRequest, TUser } from "@/lib/contracts/users";
import { db, Prisma } from "../../db";
import { hashPassword } from "../../auth/password";
import { serializeUser } from "../../surfaces/app/serializers";
import type { Principal } from "../../auth/authenticate";
import { recordAudit } from "../../audit/record-audit";
import { createPaperAccount } from "../accounts/paper-account";

/** Create a user (admins only; the route checks the admin scope). Answers the user without secrets. */
export async function createUser({
  principal,
  request,
  httpRequest,
}: {
  principal: Principal | null;
  request: TCreateUserRequest;
  httpRequest?: Request;
}): Promise<TUser> {
  const prisma = await db();
  try {
    const passwordHash = await hashPassword(request.password);
    const user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: request.email,
          username: request.username?.toLowerCase() ?? null,
          passwordHash,
          role: request.role,
        },
      });
      await createPaperAccount(tx, created.id);
      await recordAudit(tx, {
        action: "user.created",
        actor: principal,
        subjectUserId: created.id,
        targetId: created.id,
        details: { email: created.email, role: created.role },
        request: httpRequest,
      });
      return created;
    });
    return serializeUser(user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "A user with this email or username already exists.");
    }
    throw error;
  }
}
