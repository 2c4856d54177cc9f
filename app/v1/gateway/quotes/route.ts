import { handler } from "@/lib/server/http/handler";
import { gatewayDialect } from "@/lib/server/surfaces/gateway/errors";
import { ZQuoteRequest } from "@/lib/contracts/gateway";
import { getQuote } from "@/lib/server/services/gateway/get-quote";

export const dynamic = "force-dynamic";

// POST /v1/gateway/quotes — an indicative price and quantity; creates nothing
export const POST = handler(
  { dialect: gatewayDialect, auth: { scopes: ["read"] }, body: ZQuoteRequest },
  ({ body }) => getQuote({ request: body }),
);
