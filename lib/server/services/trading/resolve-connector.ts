import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";

/** The caller's account by name and its connector (the account's venue), or hummingbot's 404s. */
export async function resolveConnector(userId: string, accountName: string, connectorName: string) {
  const prisma = await db();
  const account = await prisma.account.findFirst({ where: { userId, name: accountName } });
  if (!account) throw new AppError("not_found", `Account '${accountName}' not found`);
  if (account.venue !== connectorName) {
    throw new AppError(
      "not_found",
      `Connector '${connectorName}' not found in account '${accountName}' (it has '${account.venue}')`,
    );
  }
  return { account };
}
