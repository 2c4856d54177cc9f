import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZIdParams } from "@/lib/contracts/common";
import { revokeSigningKey } from "@/lib/server/services/signing-keys/revoke-signing-key";

export const dynamic = "force-dynamic";

// DELETE /api/signing_keys/{id} — revoke a signing key (idempotent)
export const DELETE = handler(
  { dialect: coreDialect, auth: { scopes: ["trade"] }, params: ZIdParams },
  ({ principal, params, request }) => revokeSigningKey({ principal, keyId: params.id, request }),
);
