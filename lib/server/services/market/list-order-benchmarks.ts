import "server-only";
import type { TOrderBenchmarks } from "@/lib/contracts/market";
import { Dec } from "@/lib/domain/shared/decimal";
import { listOrders } from "../orders/list-orders";
import { canonicalStatuses } from "../../surfaces/core/status";

/** What the active-orders table lists (Core: SCHEDULED, ACTIVE, PAUSED, FINISHER). */
const UNFINISHED = canonicalStatuses(["SCHEDULED", "ACTIVE", "PAUSED", "FINISHER"]);
const LIMIT = 1000;

/**
 * Arrival mid and interval VWAP of the caller's unfinished orders: the benchmarks the active-orders
 * table measures slippage against. GET /api/orders/ does not carry them, and orders_with_stats
 * pages over every order with all its fills; this reads only the order rows.
 */
export async function listOrderBenchmarks({ userId }: { userId: string }): Promise<TOrderBenchmarks> {
  const page = await listOrders({ userId, statuses: UNFINISHED, page: 1, pageSize: LIMIT, include: {} });
  return {
    benchmarks: page.bundles.map(({ order }) => {
      const volume = new Dec(order.intervalVolume.toString());
      return {
        order_id: order.id,
        arrival_price: order.arrivalPrice === null ? null : new Dec(order.arrivalPrice.toString()).toFixed(),
        vwap: volume.isZero()
          ? null
          : new Dec(order.intervalNotional.toString()).div(volume).toSignificantDigits(18).toFixed(),
        interval_volume: volume.isZero() ? null : volume.toFixed(),
      };
    }),
  };
}
