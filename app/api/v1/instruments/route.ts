import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { listRfqInstruments } from "@/lib/server/services/rfq/list-rfq-instruments";

export const dynamic = "force-dynamic";

// GET /api/v1/instruments — listed stocks and the stablecoin, with their token contracts
export const GET = handler({ dialect: rfqDialect, auth: "public" }, async ({}) =>
  rfqOk(await listRfqInstruments()),
);
