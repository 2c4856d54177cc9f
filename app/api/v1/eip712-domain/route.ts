import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { getEip712Domain } from "@/lib/server/services/rfq/get-eip712-domain";

export const dynamic = "force-dynamic";

// GET /api/v1/eip712-domain — the EIP-712 domain and Order type makers sign
export const GET = handler({ dialect: rfqDialect, auth: "public" }, async ({}) =>
  rfqOk(await getEip712Domain()),
);
