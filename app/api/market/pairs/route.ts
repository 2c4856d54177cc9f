import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { listPairs } from "@/lib/server/services/market/list-pairs";

export const dynamic = "force-dynamic";

// GET /api/market/pairs — the venue's pairs with tick size, minimums, fees and current bid / ask / mid
export const GET = handler({ dialect: coreDialect, auth: { scopes: ["read"] } }, () => listPairs());
