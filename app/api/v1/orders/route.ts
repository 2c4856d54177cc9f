import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZMakerOrdersQuery, ZSignedOrderRequest } from "@/lib/contracts/rfq";
import { listMakerOrders } from "@/lib/server/services/rfq/list-maker-orders";
import { createRfqOrder } from "@/lib/server/services/rfq/create-rfq-order";

export const dynamic = "force-dynamic";

// GET /api/v1/orders — the signed-in maker's orders
export const GET = handler(
  { dialect: rfqDialect, auth: "maker", query: ZMakerOrdersQuery },
  async ({ principal, query }) => rfqOk(await listMakerOrders({ maker: principal, query })),
);

// POST /api/v1/orders — a maker posts an EIP-712 signed order
export const POST = handler(
  { dialect: rfqDialect, auth: "maker", body: ZSignedOrderRequest },
  async ({ principal, body }) => rfqOk(await createRfqOrder({ maker: principal, request: body })),
);
