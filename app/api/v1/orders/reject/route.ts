import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZRejectRequest } from "@/lib/contracts/rfq";
import { rejectRfqOrder } from "@/lib/server/services/rfq/reject-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/reject — a taker rejects an order with a reason
export const POST = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, body: ZRejectRequest },
  async ({ principal, body }) => rfqOk(await rejectRfqOrder({ userId: principal.userId, request: body })),
);
