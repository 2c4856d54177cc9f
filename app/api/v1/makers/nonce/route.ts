import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZMakerNonceQuery } from "@/lib/contracts/rfq";
import { siweOrigin } from "@/lib/server/auth/maker-session";
import { createMakerNonce } from "@/lib/server/services/rfq/create-maker-nonce";

export const dynamic = "force-dynamic";

// GET /api/v1/makers/nonce — a single-use Sign-In with Ethereum nonce for a wallet
export const GET = handler(
  { dialect: rfqDialect, auth: "public", query: ZMakerNonceQuery },
  async ({ query, request }) =>
    rfqOk(await createMakerNonce({ walletAddress: query.wallet_address, origin: siweOrigin(request) })),
);
