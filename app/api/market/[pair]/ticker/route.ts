import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZMarketPairParams } from "@/lib/contracts/market";
import { getTicker } from "@/lib/server/services/market/get-ticker";

export const dynamic = "force-dynamic";

// GET /api/market/{pair}/ticker — touch, spread, last trade and 24-hour change of one pair
export const GET = handler(
  { dialect: coreDialect, auth: { scopes: ["read"] }, params: ZMarketPairParams },
  ({ params }) => getTicker({ pair: params.pair }),
);
