import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZIdParams } from "@/lib/contracts/common";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";

export const dynamic = "force-dynamic";

// DELETE /api/tokens/{id} — revoke a token (idempotent)
export const DELETE = handler(
  { dialect: coreDialect, auth: { scopes: [] }, params: ZIdParams },
  ({ principal, params, request }) => revokeToken({ principal, tokenId: params.id, request }),
);
