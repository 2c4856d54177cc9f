/**
 * The RFQ order lifecycle (Stove's): `pending` (waiting for a taker) ⇄ `locked` (one taker holds it,
 * for a while) → `partially_filled` | `filled` (both final: a partial fill releases the rest to the
 * maker), or `cancelled` (the maker), `expired` (past its deadline), `rejected` (a taker, with a
 * reason); an admin can `suspend` an open order and resume it to `pending`.
 */
export const RFQ_STATUSES = [
  "pending",
  "locked",
  "partially_filled",
  "filled",
  "cancelled",
  "expired",
  "rejected",
  "suspended",
] as const;
export type RfqStatus = (typeof RFQ_STATUSES)[number];

/** Statuses an order can still leave. */
export const OPEN_STATUSES: readonly RfqStatus[] = ["pending", "locked", "suspended"];

export interface RfqStatusFacts {
  status: RfqStatus;
  /** Unix seconds. */
  deadline: bigint;
  lockExpiresAt: Date | null;
  /** A fill transaction is in flight: nothing expires under it. */
  fillingTxHash: string | null;
}

/**
 * What the order is at `nowMs`, before the sweep has written it: a lock that ran out is `pending`
 * again, an open order past its deadline is `expired`. A fill in flight freezes both.
 */
export function effectiveStatus(order: RfqStatusFacts, nowMs: number): RfqStatus {
  if (order.fillingTxHash) return order.status;
  if ((order.status === "pending" || order.status === "locked") && order.deadline * 1000n <= BigInt(nowMs))
    return "expired";
  if (order.status === "locked" && order.lockExpiresAt && order.lockExpiresAt.getTime() <= nowMs)
    return "pending";
  return order.status;
}
