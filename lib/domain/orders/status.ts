import { AppError } from "../shared/errors";

/**
 * The canonical order status and its transition table. Every write of a status goes through
 * `assertTransition`, so an illegal move is a typed `invalid_state` error instead of a corrupt row;
 * each API dialect maps these statuses to its own vocabulary in its serializer.
 */

export const CANONICAL_STATUSES = [
  "scheduled",
  "initialized",
  "pending",
  "active",
  "paused",
  "finishing",
  "cancel_pending",
  "complete",
  "canceled",
  "failed",
] as const;
export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

export const TERMINAL_STATUSES: readonly CanonicalStatus[] = ["complete", "canceled", "failed"];

/**
 * Allowed moves, each with the reason it exists. Self-moves are never allowed: a write that does
 * not change the status is not a transition. `* → failed` and `* → cancel_pending` hold for every
 * non-terminal status (cancel_pending itself excepted for the latter).
 */
const TRANSITIONS: Record<CanonicalStatus, Partial<Record<CanonicalStatus, string>>> = {
  scheduled: {
    active: "the start time arrived or the order condition became true",
    canceled: "a never-started order has no placements to unwind, so its cancel is immediate",
    cancel_pending: "`* → cancel_pending`: a cancel may always go through the engine",
    failed: "`* → failed`",
  },
  initialized: {
    pending: "the user signed the payloads (or funding arrived) and the order was submitted",
    canceled: "nothing was submitted yet, so there is nothing to unwind",
    cancel_pending: "`* → cancel_pending`",
    failed: "`* → failed`: signatures rejected, payloads expired",
  },
  pending: {
    active: "the venue confirmed a resting order",
    complete: "the venue confirmed a fill of the whole order",
    cancel_pending: "`* → cancel_pending`: the submission may still land, so the cancel must be confirmed",
    failed: "`* → failed`: the submission was rejected or reverted",
  },
  active: {
    paused: "the user paused it (pause is allowed only from active)",
    finishing: "the last portion of the schedule is executing",
    complete: "fully filled before any finisher phase (Market, IOC, a large fill)",
    cancel_pending: "placements may rest on venues: their cancels must be confirmed first",
    failed: "`* → failed`",
  },
  paused: {
    active: "the user resumed it",
    complete: "a late fill of a placement the pause was canceling filled the rest of the order",
    cancel_pending: "a pause's placement cancels may still be in flight; the engine confirms them",
    failed: "`* → failed`",
  },
  finishing: {
    active: "an amend added quantity or time, so this is no longer the last portion",
    complete: "the last portion filled or the schedule ended",
    cancel_pending: "`* → cancel_pending`",
    failed: "`* → failed`",
    // Not paused: the Core Order API pauses only ACTIVE orders ("Order is not running.").
  },
  cancel_pending: {
    canceled: "every placement is confirmed canceled",
    complete: "the last placement filled before the venue processed our cancel: the order is filled",
    failed: "`* → failed`: the cancel itself failed irrecoverably",
  },
  complete: {},
  canceled: {},
  failed: {},
};

/** Whether the table allows moving an order from `from` to `to`. */
export function canTransition(from: CanonicalStatus, to: CanonicalStatus): boolean {
  return TRANSITIONS[from][to] !== undefined;
}

/** The reason a move is allowed, or null when it is not (for docs, logs and the dashboard). */
export function transitionReason(from: CanonicalStatus, to: CanonicalStatus): string | null {
  return TRANSITIONS[from][to] ?? null;
}

/** The statuses reachable from `from` in one move. */
export function nextStatuses(from: CanonicalStatus): CanonicalStatus[] {
  return CANONICAL_STATUSES.filter((to) => canTransition(from, to));
}

/** Throws `invalid_state` unless `from → to` is in the table; `action` names the attempted verb. */
export function assertTransition(from: CanonicalStatus, to: CanonicalStatus, action?: string): void {
  if (canTransition(from, to)) return;
  const what = action ? `Cannot ${action} an order that is ${label(from)}` : `Cannot move an order`;
  const message = action ? `${what}.` : `${what} from ${label(from)} to ${label(to)}.`;
  throw new AppError("invalid_state", message, { details: { status: from, target: to } });
}

/** Complete, canceled and failed orders never change again. */
export function isTerminal(status: CanonicalStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * Statuses the engine must tick: scheduled (start time and condition), pending (confirm the
 * submission), active and finishing (trade), cancel_pending (confirm the cancels). Initialized waits
 * for the user's signatures and paused for the user's resume, so neither is ticked.
 */
export function isWorking(status: CanonicalStatus): boolean {
  return WORKING.has(status);
}
const WORKING = new Set<CanonicalStatus>(["scheduled", "pending", "active", "finishing", "cancel_pending"]);

/** Type guard for text from the database or a request. */
export function isCanonicalStatus(value: unknown): value is CanonicalStatus {
  return typeof value === "string" && (CANONICAL_STATUSES as readonly string[]).includes(value);
}

/** A new order starts scheduled when it waits for a future start or a condition, otherwise active. */
export function initialStatus(options: {
  startTime: number | null;
  now: number;
  hasCondition: boolean;
}): CanonicalStatus {
  const { startTime, now, hasCondition } = options;
  return hasCondition || (startTime !== null && startTime > now) ? "scheduled" : "active";
}

// --- Action guards (the Core Order API's documented answers) -------------------------------------

/** Pause is allowed only from active; otherwise 422 "Order is not running." as the docs say. */
export function planPause(status: CanonicalStatus): "paused" {
  if (status !== "active") {
    throw new AppError("invalid_state", "Order is not running.", { details: { status } });
  }
  return "paused";
}

/** Resume is allowed only from paused; otherwise 422 "Order is not paused." as the docs say. */
export function planResume(status: CanonicalStatus): "active" {
  if (status !== "paused") {
    throw new AppError("invalid_state", "Order is not paused.", { details: { status } });
  }
  return "active";
}

export interface CancelPlan {
  /** The order was already canceled: answer "Order already canceled!" and write nothing. */
  alreadyCanceled: boolean;
  /** The status to write, or null when there is nothing to write (already canceled or canceling). */
  next: "canceled" | "cancel_pending" | null;
}

/**
 * Cancel is idempotent: an already canceled order returns a flag instead of an error, and a
 * cancel already under way (cancel_pending) writes nothing. Orders that never placed anything
 * (scheduled, initialized) cancel at once; the rest go through cancel_pending so the engine can
 * confirm the venue cancels. Complete and failed orders cannot be canceled.
 */
export function planCancel(status: CanonicalStatus): CancelPlan {
  switch (status) {
    case "canceled":
      return { alreadyCanceled: true, next: null };
    case "cancel_pending":
      return { alreadyCanceled: false, next: null };
    case "scheduled":
    case "initialized":
      return { alreadyCanceled: false, next: "canceled" };
    case "complete":
    case "failed":
      throw new AppError("invalid_state", "Order is in a state that cannot be canceled", {
        details: { status },
      });
    default:
      return { alreadyCanceled: false, next: "cancel_pending" };
  }
}

/** Statuses whose quantity, duration, pov_target and limit price may still be amended. */
const AMENDABLE = new Set<CanonicalStatus>(["scheduled", "active", "paused", "finishing"]);

/** Amend applies only to Core orders still to be worked; otherwise `invalid_state`. */
export function assertAmendable(status: CanonicalStatus): void {
  if (!AMENDABLE.has(status)) {
    throw new AppError("invalid_state", `Cannot amend an order that is ${label(status)}.`, {
      details: { status },
    });
  }
}

function label(status: CanonicalStatus): string {
  return status.replace("_", " ");
}
