import { handler } from "@/lib/server/http/handler";
import { gatewayDialect } from "@/lib/server/surfaces/gateway/errors";
import { ZGatewayOrderParams } from "@/lib/contracts/gateway";
import { getGatewayOrder } from "@/lib/server/services/gateway/get-gateway-order";
import { cancelGatewayOrder } from "@/lib/server/services/gateway/cancel-gateway-order";

export const dynamic = "force-dynamic";

// GET /v1/gateway/orders/{id} — one order with its fills and transaction hashes
export const GET = handler(
  { dialect: gatewayDialect, auth: { scopes: ["read"] }, params: ZGatewayOrderParams },
  ({ principal, params }) => getGatewayOrder({ userId: principal.userId, orderId: params.id }),
);

// DELETE /v1/gateway/orders/{id} — cancel a pending or active order
export const DELETE = handler(
  { dialect: gatewayDialect, auth: { scopes: ["trade"] }, params: ZGatewayOrderParams },
  ({ principal, params }) => cancelGatewayOrder({ userId: principal.userId, orderId: params.id }),
);
