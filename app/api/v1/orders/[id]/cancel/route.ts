import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZRfqOrderParams } from "@/lib/contracts/rfq";
import { cancelRfqOrder } from "@/lib/server/services/rfq/cancel-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/{id}/cancel — the maker cancels an open order
export const POST = handler(
  { dialect: rfqDialect, auth: "maker", params: ZRfqOrderParams },
  async ({ principal, params }) => rfqOk(await cancelRfqOrder({ maker: principal, orderId: params.id })),
);
