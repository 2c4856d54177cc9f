import { Dec } from "@/lib/domain/shared/decimal";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { TRADING_STATUSES, type TTradingStatus } from "@/lib/contracts/trading";

/**
 * Canonical statuses in hummingbot's words (routers/trading.py's OrderState mapping). Some depend
 * on the fills: a working order is PARTIALLY_FILLED once anything filled, and a completed one is
 * FILLED when the orders' fully-filled rule holds (lib/domain/orders isFullyFilled) — CANCELLED
 * otherwise, its remainder having been closed (an expired GTC, an IOC, a market that ran dry).
 */
export function tradingStatus(
  order: { status: string; executedBase: { toString(): string } },
  fullyFilled: boolean,
): TTradingStatus {
  switch (order.status as CanonicalStatus) {
    case "scheduled":
    case "initialized":
    case "pending":
      return "SUBMITTED";
    case "active":
    case "finishing":
    case "paused":
      return new Dec(order.executedBase.toString()).isZero() ? "OPEN" : "PARTIALLY_FILLED";
    case "cancel_pending":
      return "PENDING_CANCEL";
    case "complete":
      return fullyFilled ? "FILLED" : "CANCELLED";
    case "canceled":
      return "CANCELLED";
    case "failed":
      return "FAILED";
  }
  return "FAILED";
}

const CANONICAL: Record<TTradingStatus, CanonicalStatus[]> = {
  SUBMITTED: ["scheduled", "initialized", "pending"],
  OPEN: ["active", "finishing", "paused"],
  PARTIALLY_FILLED: ["active", "finishing", "paused"],
  PENDING_CANCEL: ["cancel_pending"],
  CANCELLED: ["canceled", "complete"],
  FILLED: ["complete"],
  FAILED: ["failed"],
};

/**
 * The canonical statuses an order showing `status` can have, for a search filter; null for a word
 * that is none of hummingbot's (matched exactly, as its repository matches the stored column).
 */
export function canonicalCandidates(status: string): CanonicalStatus[] | null {
  return (TRADING_STATUSES as readonly string[]).includes(status)
    ? CANONICAL[status as TTradingStatus]
    : null;
}
