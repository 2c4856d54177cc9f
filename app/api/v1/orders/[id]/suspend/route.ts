import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZRfqOrderParams } from "@/lib/contracts/rfq";
import { setRfqOrderSuspended } from "@/lib/server/services/rfq/suspend-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/{id}/suspend — an admin takes an open order off the desk
export const POST = handler(
  { dialect: rfqDialect, auth: { scopes: ["admin"] }, params: ZRfqOrderParams },
  async ({ params }) => rfqOk(await setRfqOrderSuspended({ orderId: params.id, suspended: true })),
);
