import "server-only";
import type { TCreateOrderRequest } from "@/lib/contracts/gateway";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { Order } from "../../db/generated/client";
import { prepareOrder } from "../orders/submit-order";
import { CEFI_VENUE, cefiMarket } from "./markets";

/** A market order gets this long to fill (the Market algorithm takes everything at once anyway). */
const MARKET_DURATION_SECONDS = 60;
/** A limit order rests until filled or canceled, for at most 30 days. */
const LIMIT_DURATION_SECONDS = 30 * 24 * 3600;

/**
 * A CeFi Gateway order as a parent order on the caller's default paper account (venue `sim`):
 * market → the Market strategy, limit → Limit at `price`. The same checks as any submitted order
 * apply (listed pair, minimums, the account can pay for it); the engine works it to `complete`.
 */
export async function createCefiOrder({
  userId,
  request,
  now,
}: {
  userId: string;
  request: TCreateOrderRequest;
  now: number;
}): Promise<Order> {
  const spec = cefiMarket(request.base_asset, request.quote_asset);
  const prisma = await db();
  const account =
    (await prisma.account.findFirst({ where: { userId, venue: CEFI_VENUE, isDefault: true } })) ??
    (await prisma.account.findFirst({ where: { userId, venue: CEFI_VENUE }, orderBy: { createdAt: "asc" } }));
  if (!account) throw new AppError("bad_request", "This account has no CeFi (paper) account to trade in.");
  const data = await prepareOrder({
    userId,
    now,
    source: "gateway",
    input: {
      pair: spec.pair,
      side: request.side,
      strategy: request.type === "market" ? "Market" : "Limit",
      [request.qty_unit === "base" ? "base_asset_qty" : "quote_asset_qty"]: request.qty,
      limit_price: request.price,
      duration: request.type === "market" ? MARKET_DURATION_SECONDS : LIMIT_DURATION_SECONDS,
      accounts: [account.name],
    },
  });
  return prisma.order.create({
    data: { ...data, gatewayType: request.type, gatewayQtyUnit: request.qty_unit },
  });
}
