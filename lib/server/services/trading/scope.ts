import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";

/**
 * The caller's accounts selected by the trading filters (account_names, connector_names). An
 * account name the caller does not have is a 404, as hummingbot-api answers an unknown account.
 */
export async function accountsInScope(
  userId: string,
  filters: { account_names?: string[] | null; connector_names?: string[] | null },
) {
  const prisma = await db();
  const accounts = await prisma.account.findMany({ where: { userId } });
  for (const name of filters.account_names ?? []) {
    if (!accounts.some((a) => a.name === name))
      throw new AppError("not_found", `Account '${name}' not found`);
  }
  const selected = accounts.filter(
    (a) =>
      (!filters.account_names?.length || filters.account_names.includes(a.name)) &&
      (!filters.connector_names?.length || filters.connector_names.includes(a.venue)),
  );
  return { all: new Map(accounts.map((a) => [a.id, a])), selected };
}
