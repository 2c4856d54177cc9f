import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { PrismaClient } from "../../db";
import type { Account } from "../../db/generated/client";

/** The documented answer to an account name the caller does not have. */
export const unknownAccountError = (name: string): AppError =>
  new AppError("bad_request", `Account display name '${name}' not found for user`, {
    fieldErrors: [{ field: "account_names", message: `'${name}' not found` }],
    details: { reason: "unknown_account" },
  });

/**
 * The caller's accounts by name, in the order given (duplicates once). Another user's account
 * name is unknown here like any other. Throws the documented 400 for the first unknown name.
 */
export async function resolveAccountNames(
  prisma: PrismaClient,
  userId: string,
  names: readonly string[],
): Promise<Account[]> {
  const { found, missing } = await findAccountNames(prisma, userId, names);
  if (missing.length > 0) throw unknownAccountError(missing[0]!);
  return found;
}

/** The caller's accounts by name, and the names that matched none. */
export async function findAccountNames(
  prisma: PrismaClient,
  userId: string,
  names: readonly string[],
): Promise<{ found: Account[]; missing: string[] }> {
  const wanted = [...new Set(names)];
  const rows = await prisma.account.findMany({ where: { userId, name: { in: wanted } } });
  const byName = new Map(rows.map((row) => [row.name, row]));
  return {
    found: wanted.flatMap((name) => byName.get(name) ?? []),
    missing: wanted.filter((name) => !byName.has(name)),
  };
}
