import "server-only";
import type { TSignedOrderRequest, TValidateResponse } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { effectiveStatus } from "@/lib/domain/rfq/status";
import { db, Prisma } from "../../db";
import { checkSignedOrder } from "./check-signed-order";
import { assertFunded, openDesk } from "./desk";

/**
 * POST /api/v1/orders/validate: every check an order must pass to settle now — signature, deadline,
 * nonce, listing, the payer's balance and allowance for what is left — without creating anything.
 * The first failing check answers, in the error envelope.
 */
export async function validateRfqOrder({
  request,
}: {
  request: TSignedOrderRequest;
}): Promise<TValidateResponse> {
  const desk = await openDesk();
  const checked = await checkSignedOrder(desk, request);
  const prisma = await db();
  const row = await prisma.rfqOrder.findFirst({
    where: {
      chainId: desk.open.chainId,
      maker: checked.order.maker,
      nonce: new Prisma.Decimal(checked.order.nonce.toString()),
    },
  });
  if (row && row.orderHash !== checked.hash)
    throw rfqError(
      "conflict",
      "nonce_used",
      `Nonce ${checked.order.nonce} is used by order ${row.orderHash}.`,
    );
  const filled = row ? BigInt(row.filledQuantity.toFixed()) : checked.filledOnChain;
  const remaining = checked.order.quantity - filled;
  await assertFunded(desk, checked.order, remaining);
  return {
    valid: true,
    order_hash: checked.hash,
    status: row ? effectiveStatus(row, Date.now()) : null,
    remaining_quantity: remaining.toString(),
  };
}
