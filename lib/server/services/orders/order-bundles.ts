import "server-only";
import type { PrismaClient } from "../../db";
import type { Account, Fill, Order, OrderMessage, Placement } from "../../db/generated/client";

export type PlacementWithFills = Placement & { fills: Fill[] };
export type BundleAccount = Pick<Account, "id" | "name" | "venue">;

/** An order with what the API answers need around it; parts not asked for are empty. */
export interface OrderBundle {
  order: Order;
  /** The order's accounts, in the order it lists them. */
  accounts: BundleAccount[];
  /** Fills, oldest first. */
  fills: Fill[];
  /** Placements with their fills, oldest first. */
  placements: PlacementWithFills[];
  /** The order's log, newest first. */
  messages: OrderMessage[];
  /** The parent multi-order's exposure tolerance (decimal text), for a leg of one. */
  exposureTolerance: string | null;
}

export interface BundleParts {
  fills?: boolean;
  placements?: boolean;
  messages?: boolean;
}

/** Load what the answers show around orders, in a few queries for the whole list. */
export async function loadOrderBundles(
  prisma: PrismaClient,
  orders: Order[],
  parts: BundleParts = {},
): Promise<OrderBundle[]> {
  if (orders.length === 0) return [];
  const ids = orders.map((order) => order.id);
  const accountIds = [...new Set(orders.flatMap((order) => order.accountIds))];
  const parentIds = [
    ...new Set(orders.flatMap((order) => (order.parentOrderId ? [order.parentOrderId] : []))),
  ];
  const [accounts, fills, placements, messages, parents] = await Promise.all([
    prisma.account.findMany({
      where: { id: { in: accountIds } },
      select: { id: true, name: true, venue: true },
    }),
    parts.fills
      ? prisma.fill.findMany({
          where: { orderId: { in: ids } },
          orderBy: [{ time: "asc" }, { createdAt: "asc" }],
        })
      : [],
    parts.placements
      ? prisma.placement.findMany({
          where: { orderId: { in: ids } },
          orderBy: [{ createdAt: "asc" }, { clientId: "asc" }],
          include: { fills: { orderBy: [{ time: "asc" }, { createdAt: "asc" }] } },
        })
      : [],
    parts.messages
      ? prisma.orderMessage.findMany({
          where: { orderId: { in: ids } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        })
      : [],
    parentIds.length > 0
      ? prisma.multiOrder.findMany({
          where: { id: { in: parentIds } },
          select: { id: true, exposureTolerance: true },
        })
      : [],
  ]);
  const accountById = new Map(accounts.map((account) => [account.id, account]));
  const group = <T extends { orderId: string }>(rows: T[]) => {
    const byOrder = new Map<string, T[]>();
    for (const row of rows) {
      const list = byOrder.get(row.orderId) ?? [];
      list.push(row);
      byOrder.set(row.orderId, list);
    }
    return byOrder;
  };
  const fillsByOrder = group(fills);
  const placementsByOrder = group(placements);
  const messagesByOrder = group(messages);
  const toleranceById = new Map(parents.map((parent) => [parent.id, parent.exposureTolerance.toString()]));
  return orders.map((order) => ({
    order,
    accounts: order.accountIds.flatMap((id) => {
      const account = accountById.get(id);
      return account ? [account] : [];
    }),
    fills: fillsByOrder.get(order.id) ?? [],
    placements: placementsByOrder.get(order.id) ?? [],
    messages: messagesByOrder.get(order.id) ?? [],
    exposureTolerance: order.parentOrderId ? (toleranceById.get(order.parentOrderId) ?? null) : null,
  }));
}

/** When the Core Order API's lists stop looking back: orders created within the past 12 months. */
export function listWindowStart(now: number): Date {
  const start = new Date(now);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  return start;
}
