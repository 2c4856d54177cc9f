import { handler, json } from "@/lib/server/http/handler";
import { gatewayDialect } from "@/lib/server/surfaces/gateway/errors";
import { ZCreateOrderRequest, ZListOrdersQuery } from "@/lib/contracts/gateway";
import { createGatewayOrder } from "@/lib/server/services/gateway/create-gateway-order";
import { listGatewayOrders } from "@/lib/server/services/gateway/list-gateway-orders";

export const dynamic = "force-dynamic";

// GET /v1/gateway/orders — the caller's orders, newest first (status filter, cursor paging)
export const GET = handler(
  { dialect: gatewayDialect, auth: { scopes: ["read"] }, query: ZListOrdersQuery },
  ({ principal, query }) => listGatewayOrders({ userId: principal.userId, query }),
);

// POST /v1/gateway/orders — a CeFi order, or a DeFi order answered `initialized` with payloads to sign
export const POST = handler(
  { dialect: gatewayDialect, auth: { scopes: ["trade"] }, body: ZCreateOrderRequest },
  async ({ principal, body }) =>
    json(await createGatewayOrder({ userId: principal.userId, request: body }), 201),
);
