import { handler, json } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZFaucetRequest } from "@/lib/contracts/gateway";
import { mintTokens } from "@/lib/server/services/ledger/mint-tokens";

export const dynamic = "force-dynamic";

// POST /api/ledger/faucet — mint tokens on the offline chain (admins; no faucet on a real chain)
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: ["admin"] }, body: ZFaucetRequest },
  async ({ body }) => json(await mintTokens({ request: body }), 201),
);
