import { handler } from "@/lib/server/http/handler";
import { gatewayDialect } from "@/lib/server/surfaces/gateway/errors";
import { ZExecuteRequest, ZGatewayOrderParams } from "@/lib/contracts/gateway";
import { executeGatewayOrder } from "@/lib/server/services/gateway/execute-gateway-order";

export const dynamic = "force-dynamic";

// POST /v1/gateway/orders/{id}/execute — stamps for the payloads, in order; signs and submits
export const POST = handler(
  {
    dialect: gatewayDialect,
    auth: { scopes: ["trade"] },
    params: ZGatewayOrderParams,
    body: ZExecuteRequest,
  },
  ({ principal, params, body }) =>
    executeGatewayOrder({ userId: principal.userId, orderId: params.id, request: body }),
);
