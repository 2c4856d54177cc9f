import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { getTakerWallet } from "@/lib/server/services/rfq/get-taker-wallet";

export const dynamic = "force-dynamic";

// GET /api/v1/takers/wallet — the caller's desk wallet and its tokens
export const GET = handler({ dialect: rfqDialect, auth: { scopes: ["taker"] } }, async ({ principal }) =>
  rfqOk(await getTakerWallet({ userId: principal.userId })),
);
