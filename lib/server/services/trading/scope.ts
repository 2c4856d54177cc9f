import "server-only";
import { db } from "../../db";

/**
 * The caller's accounts selected by the trading filters (account_names, connector_names). A name
 * the caller has no account by selects nothing, as hummingbot-api answers it (no rows, not a 404).
 */
export async function accountsInScope(
  userId: string,
  filters: { account_names?: string[] | null; connector_names?: string[] | null },
) {
  const prisma = await db();
  const accounts = await prisma.account.findMany({ where: { userId } });
  const selected = accounts.filter(
    (a) =>
      (!filters.account_names?.length || filters.account_names.includes(a.name)) &&
      (!filters.connector_names?.length || filters.connector_names.includes(a.venue)),
  );
  return { all: new Map(accounts.map((a) => [a.id, a])), selected };
}
