import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZTakerOrdersQuery } from "@/lib/contracts/rfq";
import { listTakerOrders } from "@/lib/server/services/rfq/list-taker-orders";

export const dynamic = "force-dynamic";

// GET /api/v1/takers/orders — the desk's orders for takers, filtered and sorted
export const GET = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, query: ZTakerOrdersQuery },
  async ({ query }) => rfqOk(await listTakerOrders({ query })),
);
