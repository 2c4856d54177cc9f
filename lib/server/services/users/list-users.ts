import "server-only";
import { db } from "../../db";
import { serializeUser } from "../../surfaces/app/serializers";
import type { TUser } from "@/lib/contracts/users";

/** Every user, for the admin's Settings page. */
export async function listUsers(): Promise<{ users: TUser[] }> {
  const prisma = await db();
  const rows = await prisma.user.findMany({ orderBy: { createdAt: "asc" } });
  return { users: rows.map(serializeUser) };
}
