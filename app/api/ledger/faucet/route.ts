import { handler, json } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZFaucetRequest } from "@/lib/contracts/gateway";
import { mintTokens } from "@/lib/server/services/ledger/mint-tokens";
import { auditAction } from "@/lib/server/services/audit/audit-action";

export const dynamic = "force-dynamic";

// POST /api/ledger/faucet — mint tokens on the local chain (admins; no faucet on a real chain), audited
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: ["admin"] }, body: ZFaucetRequest },
  async ({ principal, body, request }) => {
    const minted = await mintTokens({ request: body });
    await auditAction({
      action: "faucet.minted",
      actor: principal,
      subjectUserId: null,
      targetId: minted.address,
      details: { chain: minted.chain, asset: minted.asset, amount: minted.amount },
      request,
    });
    return json(minted, 201);
  },
);
