import type { CanonicalStatus } from "@/lib/domain/orders/status";
import type { TCoreStatus, TCoreStatusFilter } from "@/lib/contracts/core/orders";

/**
 * Canonical statuses in the Core Order API's vocabulary. Two have no Core word of their own:
 * - `cancel_pending` reads CANCELED: the Core API answers a cancel with "Order canceled!" and says
 *   the order's status "is changed to CANCELED", so a client that reads the order right after its
 *   cancel must see CANCELED; the engine only confirms the venue cancels on its next tick.
 * - `initialized` (a Gateway order waiting for signatures) reads SCHEDULED and `pending` (submitted,
 *   not yet confirmed) reads ACTIVE, so Gateway orders show sensibly here.
 */
const TO_CORE: Record<CanonicalStatus, TCoreStatus> = {
  scheduled: "SCHEDULED",
  initialized: "SCHEDULED",
  pending: "ACTIVE",
  active: "ACTIVE",
  paused: "PAUSED",
  finishing: "FINISHER",
  cancel_pending: "CANCELED",
  complete: "COMPLETE",
  canceled: "CANCELED",
  failed: "FAILED",
};

export const coreStatus = (status: string): TCoreStatus => TO_CORE[status as CanonicalStatus] ?? "FAILED";

/**
 * The canonical statuses behind a `statuses` filter. SUBMITTED (a word the docs use for an accepted
 * order the engine has not started) covers scheduled, initialized and pending orders.
 */
export function canonicalStatuses(filters: readonly TCoreStatusFilter[]): CanonicalStatus[] {
  const wanted = new Set<CanonicalStatus>();
  for (const filter of filters) {
    if (filter === "SUBMITTED")
      for (const s of ["scheduled", "initialized", "pending"] as const) wanted.add(s);
    else
      for (const [canonical, core] of Object.entries(TO_CORE))
        if (core === filter) wanted.add(canonical as CanonicalStatus);
  }
  return [...wanted];
}

/** Executing now: the Core `active` flag. */
export const isCoreActive = (status: string): boolean => ["ACTIVE", "FINISHER"].includes(coreStatus(status));
