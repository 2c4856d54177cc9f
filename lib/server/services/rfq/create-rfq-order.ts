import "server-only";
import type { TRfqOrder, TSignedOrderRequest } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import type { MakerPrincipal } from "../../auth/maker-session";
import { db, Prisma } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";
import { checkSignedOrder } from "./check-signed-order";
import { assertFunded, openDesk } from "./desk";

/**
 * POST /api/v1/orders: a maker posts an order signed with its wallet. Beyond the checks every order
 * passes (checkSignedOrder), `order.maker` is the signed-in wallet, `(maker, nonce)` was never posted
 * here, and the paying side can pay for all of it. The order is `pending` for the takers, who see it
 * live.
 */
export async function createRfqOrder({
  maker,
  request,
}: {
  maker: MakerPrincipal;
  request: TSignedOrderRequest;
}): Promise<TRfqOrder> {
  const desk = await openDesk();
  const checked = await checkSignedOrder(desk, request);
  const { order } = checked;
  if (order.maker !== maker.wallet)
    throw rfqError(
      "forbidden",
      "maker_mismatch",
      `order.maker ${order.maker} is not the signed-in wallet ${maker.wallet}.`,
    );
  const prisma = await db();
  const used = await prisma.rfqOrder.findFirst({
    where: {
      chainId: desk.open.chainId,
      maker: order.maker,
      nonce: new Prisma.Decimal(order.nonce.toString()),
    },
  });
  if (used)
    throw rfqError(
      "conflict",
      "nonce_used",
      `Nonce ${order.nonce} is already used by order ${used.orderHash}.`,
      {
        nonce: order.nonce.toString(),
        order_hash: used.orderHash,
      },
    );
  await assertFunded(desk, order, order.quantity - checked.filledOnChain);
  let row;
  try {
    row = await prisma.rfqOrder.create({
      data: {
        chainId: desk.open.chainId,
        orderHash: checked.hash,
        maker: order.maker,
        principal: order.principal,
        isBuy: order.isBuy,
        ticker: order.ticker,
        exchange: order.exchange,
        asset: order.asset,
        price: order.price.toString(),
        quantity: order.quantity.toString(),
        incentive: order.incentive.toString(),
        deadline: order.deadline,
        nonce: order.nonce.toString(),
        signature: checked.signature,
        filledQuantity: checked.filledOnChain.toString(),
      },
    });
  } catch (error) {
    // Two posts of one (maker, nonce) at once: the unique index keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw rfqError("conflict", "nonce_used", `Nonce ${order.nonce} is already used.`, {
        nonce: order.nonce.toString(),
      });
    throw error;
  }
  await publishRfqOrders(prisma, [row.id]);
  return serializeRfqOrder(row, Date.now());
}
