import { Dec } from "@/lib/domain/shared/decimal";
import type { PrismaClient } from "../db";
import type { Order } from "../db/generated/client";
import { EXECUTION_COLUMNS, isOrderFullyFilled } from "../services/orders/is-order-fully-filled";

/**
 * Orders that are worked as a group. A multi-order's legs progress together: a leg whose filled
 * fraction runs ahead of the slowest working leg by more than the exposure tolerance waits (its
 * resting children are pulled) until the others catch up; if one leg is canceled or fails, the
 * others are canceled too. A chain starts its batches in priority order, each when every order of
 * the previous batches is fully filled; an order that ends without being fully filled stops the
 * chain and the rest are canceled.
 */
export interface GroupDirective {
  /** The leg is ahead of its siblings: keep resting fills, place nothing new. */
  holdReason?: string;
  /** A leg may not fill beyond this fraction of its target until its siblings catch up. */
  maxProgress?: Dec;
  /** The group ended: cancel this order with this reason. */
  cancelReason?: string;
  /** A chained order whose turn has not come: it must not start yet. */
  waitForChain?: boolean;
}

type GroupMember = Pick<
  Order,
  | "id"
  | "status"
  | "venue"
  | "pair"
  | "targetQty"
  | "targetUnit"
  | "executedBase"
  | "executedQuote"
  | "parentOrderId"
  | "chainId"
  | "chainPriority"
  | "failureReason"
>;

/** Filled fraction of the order's target (0..1). */
export function progressOf(order: GroupMember): Dec {
  const target = new Dec(order.targetQty.toString());
  if (target.lte(0)) return new Dec(1);
  const executed = new Dec(
    (order.targetUnit === "quote" ? order.executedQuote : order.executedBase).toString(),
  );
  const fraction = executed.div(target);
  return fraction.gt(1) ? new Dec(1) : fraction;
}

const ended = (status: string) => ["complete", "canceled", "failed"].includes(status);

export async function groupDirectives(
  prisma: PrismaClient,
  orders: Order[],
): Promise<Map<string, GroupDirective>> {
  const directives = new Map<string, GroupDirective>();
  const parentIds = [...new Set(orders.map((o) => o.parentOrderId).filter((id): id is string => !!id))];
  const chainIds = [...new Set(orders.map((o) => o.chainId).filter((id): id is string => !!id))];
  if (parentIds.length === 0 && chainIds.length === 0) return directives;

  const select = {
    id: true,
    status: true,
    ...EXECUTION_COLUMNS,
    parentOrderId: true,
    chainId: true,
    chainPriority: true,
    failureReason: true,
  } as const;

  if (parentIds.length > 0) {
    const parents = await prisma.multiOrder.findMany({
      where: { id: { in: parentIds } },
      select: { id: true, exposureTolerance: true, orders: { select } },
    });
    for (const parent of parents) {
      const tolerance = new Dec(parent.exposureTolerance.toString());
      const failed = parent.orders.find(
        (o) => o.status === "failed" || (o.status === "canceled" && !isOrderFullyFilled(o)),
      );
      const working = parent.orders.filter((o) => !ended(o.status));
      const slowest = working.reduce<Dec | null>((min, o) => {
        const p = progressOf(o);
        return min === null || p.lt(min) ? p : min;
      }, null);
      for (const leg of parent.orders) {
        if (ended(leg.status)) continue;
        if (failed && failed.id !== leg.id) {
          directives.set(leg.id, {
            cancelReason: `Multi-order leg ${failed.id} ${failed.status}: sibling legs canceled.`,
          });
          continue;
        }
        if (slowest === null) continue;
        const directive: GroupDirective = { maxProgress: Dec.min(slowest.add(tolerance), 1) };
        if (progressOf(leg).sub(slowest).gt(tolerance)) {
          directive.holdReason = `Leg is ${progressOf(leg).sub(slowest).mul(100).toFixed(1)}% ahead of its slowest sibling (tolerance ${tolerance.mul(100).toFixed(1)}%): waiting.`;
        }
        directives.set(leg.id, directive);
      }
    }
  }

  if (chainIds.length > 0) {
    const members = await prisma.order.findMany({ where: { chainId: { in: chainIds } }, select });
    const byChain = new Map<string, GroupMember[]>();
    for (const member of members) {
      const list = byChain.get(member.chainId!) ?? [];
      list.push(member);
      byChain.set(member.chainId!, list);
    }
    for (const [, chain] of byChain) {
      const stopper = chain.find((o) => ended(o.status) && !isOrderFullyFilled(o));
      for (const order of chain) {
        if (ended(order.status)) continue;
        const priority = order.chainPriority ?? 0;
        const earlier = chain.filter((o) => (o.chainPriority ?? 0) < priority);
        if (stopper && (stopper.chainPriority ?? 0) < priority) {
          directives.set(order.id, {
            cancelReason: `Chain stopped: order ${stopper.id} ended ${stopper.status} without being fully filled.`,
          });
        } else if (
          order.status === "scheduled" &&
          earlier.some((o) => !(o.status === "complete" && isOrderFullyFilled(o)))
        ) {
          directives.set(order.id, { waitForChain: true });
        }
      }
    }
  }
  return directives;
}
