import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZSignedOrderRequest } from "@/lib/contracts/rfq";
import { validateRfqOrder } from "@/lib/server/services/rfq/validate-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/validate — a taker checks an order can settle, creating nothing
export const POST = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, body: ZSignedOrderRequest },
  async ({ body }) => rfqOk(await validateRfqOrder({ request: body })),
);
