import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZRfqFillsQuery } from "@/lib/contracts/rfq";
import { listRfqFills } from "@/lib/server/services/rfq/list-rfq-fills";

export const dynamic = "force-dynamic";

// GET /api/v1/takers/fills — the caller's fills with their transactions
export const GET = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, query: ZRfqFillsQuery },
  async ({ principal, query }) => rfqOk(await listRfqFills({ userId: principal.userId, query })),
);
