import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZMakerConnectRequest } from "@/lib/contracts/rfq";
import { siweOrigin } from "@/lib/server/auth/maker-session";
import { connectMaker } from "@/lib/server/services/rfq/connect-maker";

export const dynamic = "force-dynamic";

// POST /api/v1/makers/connect — a maker signs in with its wallet (EIP-4361) for a session token
export const POST = handler(
  { dialect: rfqDialect, auth: "public", body: ZMakerConnectRequest },
  async ({ body, request }) => rfqOk(await connectMaker({ request: body, origin: siweOrigin(request) })),
);
