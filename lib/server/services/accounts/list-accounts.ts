import "server-only";
import { db } from "../../db";
import type { Account } from "../../db/generated/client";

/** The caller's trading accounts, default first, then by name. */
export async function listAccounts({ userId }: { userId: string }): Promise<Account[]> {
  const prisma = await db();
  return prisma.account.findMany({ where: { userId }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
}
