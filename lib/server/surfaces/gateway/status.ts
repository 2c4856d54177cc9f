import type { CanonicalStatus } from "@/lib/domain/orders/status";
import type { TGatewayStatus } from "@/lib/contracts/gateway";
import type { Prisma } from "../../db";

/**
 * Canonical statuses in the Gateway's words. The Gateway's `active` is an order resting on the
 * exchange (a limit order working in the book, or a Core algorithm working over time); a market
 * order the engine is still filling is `pending` (submitted, not yet confirmed filled), like a
 * scheduled one. Paused and finishing orders are still open: `active` (or `pending` for Market).
 */
export function gatewayStatus(status: CanonicalStatus, strategy: string): TGatewayStatus {
  switch (status) {
    case "scheduled":
    case "pending":
      return "pending";
    case "active":
    case "paused":
    case "finishing":
      return strategy === "Market" ? "pending" : "active";
    default:
      return status;
  }
}

const WORKING: CanonicalStatus[] = ["active", "paused", "finishing"];

/** The Prisma filter for orders whose Gateway status is one of `statuses`. */
export function whereGatewayStatus(statuses: TGatewayStatus[]): Prisma.OrderWhereInput {
  const or: Prisma.OrderWhereInput[] = [];
  const direct: CanonicalStatus[] = [];
  for (const status of statuses) {
    if (status === "pending") {
      direct.push("scheduled", "pending");
      or.push({ status: { in: WORKING }, strategy: "Market" });
    } else if (status === "active") {
      or.push({ status: { in: WORKING }, strategy: { not: "Market" } });
    } else {
      direct.push(status);
    }
  }
  if (direct.length > 0) or.push({ status: { in: direct } });
  return { OR: or };
}
