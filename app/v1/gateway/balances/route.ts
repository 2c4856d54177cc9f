import { handler } from "@/lib/server/http/handler";
import { gatewayDialect } from "@/lib/server/surfaces/gateway/errors";
import { listGatewayBalances } from "@/lib/server/services/gateway/list-gateway-balances";

export const dynamic = "force-dynamic";

// GET /v1/gateway/balances — one row per asset per custody bucket (CeFi account, each chain)
export const GET = handler({ dialect: gatewayDialect, auth: { scopes: ["read"] } }, ({ principal }) =>
  listGatewayBalances({ userId: principal.userId }),
);
