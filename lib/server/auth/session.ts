import "server-only";
import { headers } from "next/headers";
import { db } from "../db";
import { sessionUserId } from "./authenticate";

export interface SessionUser {
  id: string;
  email: string;
  username: string | null;
  role: "admin" | "trader";
}

/** The signed-in user for a server component or page, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const userId = await sessionUserId(new Request("http://session.local/", { headers: { cookie } }));
  if (!userId) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, username: user.username, role: user.role };
}
