import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { getMakerNextNonce } from "@/lib/server/services/rfq/get-maker-next-nonce";

export const dynamic = "force-dynamic";

// GET /api/v1/orders/maker/next-nonce — the next unused nonce of the signed-in maker
export const GET = handler({ dialect: rfqDialect, auth: "maker" }, async ({ principal }) =>
  rfqOk(await getMakerNextNonce({ maker: principal })),
);
