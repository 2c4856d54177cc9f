import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZUnlockRequest } from "@/lib/contracts/rfq";
import { unlockRfqOrder } from "@/lib/server/services/rfq/unlock-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/unlock — the lock's holder releases it
export const POST = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, body: ZUnlockRequest },
  async ({ principal, body }) =>
    rfqOk(await unlockRfqOrder({ userId: principal.userId, orderHash: body.order_hash })),
);
