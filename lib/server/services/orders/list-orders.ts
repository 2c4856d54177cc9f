import "server-only";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { db, type Prisma } from "../../db";
import { resolveAccountNames } from "../accounts/resolve-accounts";
import { listWindowStart, loadOrderBundles, type BundleParts, type OrderBundle } from "./order-bundles";

export interface ListOrdersOptions {
  userId: string;
  /** Canonical statuses; all when absent or empty (likewise for the other lists). */
  statuses?: CanonicalStatus[];
  /** Account names of the caller; an unknown one is the documented 400. */
  accountNames?: string[];
  /** Epoch ms bounds on the creation time (inclusive). */
  before?: number;
  after?: number;
  customOrderIds?: string[];
  /** Trading pairs (BTC-USDT). */
  pairs?: string[];
  page: number;
  pageSize: number;
  now?: number;
  include?: BundleParts;
}

export interface OrderPage {
  bundles: OrderBundle[];
  page: number;
  pageSize: number;
  numPages: number;
  count: number;
}

/**
 * The caller's orders of the past 12 months (newest first), filtered and paginated like the Core
 * Order API's GET /api/orders/: a page past the end is empty, and there is always at least one page.
 */
export async function listOrders(options: ListOrdersOptions): Promise<OrderPage> {
  const { userId, page, pageSize, now = Date.now() } = options;
  const prisma = await db();
  const where: Prisma.OrderWhereInput = { userId };
  const windowStart = listWindowStart(now).getTime();
  where.createdAt = {
    gte: new Date(Math.max(windowStart, options.after ?? windowStart)),
    ...(options.before !== undefined ? { lte: new Date(options.before) } : {}),
  };
  if (options.statuses?.length) where.status = { in: options.statuses };
  if (options.customOrderIds?.length) where.customOrderId = { in: options.customOrderIds };
  if (options.pairs?.length) where.pair = { in: options.pairs };
  if (options.accountNames?.length) {
    const accounts = await resolveAccountNames(prisma, userId, options.accountNames);
    where.accountIds = { hasSome: accounts.map((account) => account.id) };
  }
  const [count, orders] = await Promise.all([
    prisma.order.count({ where }),
    prisma.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    bundles: await loadOrderBundles(prisma, orders, options.include),
    page,
    pageSize,
    numPages: Math.max(1, Math.ceil(count / pageSize)),
    count,
  };
}
