import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZFillRequest } from "@/lib/contracts/rfq";
import { fillRfqOrder } from "@/lib/server/services/rfq/fill-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/fill — fill part or all of a locked order on the chain (the seed)
export const POST = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, body: ZFillRequest },
  async ({ principal, body }) => rfqOk(await fillRfqOrder({ userId: principal.userId, request: body })),
);
