import { z } from "zod";
import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { cancelTrade } from "@/lib/server/services/trading/cancel-trade";

export const dynamic = "force-dynamic";

const ZParams = z.object({
  account_name: z.string(),
  connector_name: z.string(),
  client_order_id: z.string(),
});

// POST /trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel — cancel an active order
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["trade"] }, params: ZParams },
  ({ principal, params }) =>
    cancelTrade({
      userId: principal.userId,
      accountName: decodeURIComponent(params.account_name),
      connectorName: decodeURIComponent(params.connector_name),
      clientOrderId: decodeURIComponent(params.client_order_id),
    }),
);
