import "server-only";
import type { FillCursor, TExportFillsQuery } from "@/lib/contracts/fills";
import type { Prisma, PrismaClient } from "../../db";
import type { Fill } from "../../db/generated/client";
import { resolveAccountNames } from "../accounts/resolve-accounts";

/** A fill with what its row shows around it. */
export type FillWithStrategy = Fill & { order: { strategy: string } };

export interface FillScope {
  where: Prisma.FillWhereInput;
  /** Names of the caller's accounts by id (fills name their account). */
  accountNames: Map<string, string>;
}

/**
 * The caller's fills matching the filters: always scoped by `userId` (another user's fills never
 * match, whatever the filters say), unknown account names are the documented 400.
 */
export async function fillScope(
  prisma: PrismaClient,
  userId: string,
  filters: TExportFillsQuery,
): Promise<FillScope> {
  const where: Prisma.FillWhereInput = { userId };
  if (filters.pair) where.pair = filters.pair;
  if (filters.side) where.side = filters.side;
  if (filters.order_id) where.orderId = filters.order_id;
  if (filters.from !== undefined || filters.to !== undefined) {
    where.time = {
      ...(filters.from !== undefined ? { gte: new Date(filters.from) } : {}),
      ...(filters.to !== undefined ? { lt: new Date(filters.to) } : {}),
    };
  }
  if (filters.account_names?.length) {
    const accounts = await resolveAccountNames(prisma, userId, filters.account_names);
    where.accountId = { in: accounts.map((account) => account.id) };
  }
  const accounts = await prisma.account.findMany({ where: { userId }, select: { id: true, name: true } });
  return { where, accountNames: new Map(accounts.map((account) => [account.id, account.name])) };
}

/** One page of fills, newest first, strictly after `cursor` in that order. */
export function findFillPage(
  prisma: PrismaClient,
  where: Prisma.FillWhereInput,
  cursor: FillCursor | undefined,
  take: number,
): Promise<FillWithStrategy[]> {
  const after: Prisma.FillWhereInput = cursor
    ? {
        OR: [{ time: { lt: new Date(cursor.time) } }, { time: new Date(cursor.time), id: { lt: cursor.id } }],
      }
    : {};
  return prisma.fill.findMany({
    where: { AND: [where, after] },
    orderBy: [{ time: "desc" }, { id: "desc" }],
    take,
    include: { order: { select: { strategy: true } } },
  });
}
