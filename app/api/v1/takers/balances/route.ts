import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZBalancesQuery } from "@/lib/contracts/rfq";
import { getTokenBalances } from "@/lib/server/services/rfq/get-token-balances";

export const dynamic = "force-dynamic";

// GET /api/v1/takers/balances — any address's desk tokens, read from the chain
export const GET = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, query: ZBalancesQuery },
  async ({ query }) => rfqOk(await getTokenBalances({ address: query.address })),
);
