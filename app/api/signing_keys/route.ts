import { handler, json } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZCreateSigningKeyRequest } from "@/lib/contracts/signing-keys";
import { listSigningKeys } from "@/lib/server/services/signing-keys/list-signing-keys";
import { createSigningKey } from "@/lib/server/services/signing-keys/create-signing-key";

export const dynamic = "force-dynamic";

// GET /api/signing_keys/ — the caller's P-256 signing keys (revoked ones marked)
export const GET = handler({ dialect: coreDialect, auth: { scopes: ["read"] } }, ({ principal }) =>
  listSigningKeys({ userId: principal.userId }),
);

// POST /api/signing_keys/ — register a P-256 public key for api_key stamps (after a step-up; admins may provision) → 201
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: ["trade"] }, body: ZCreateSigningKeyRequest },
  async ({ principal, body, request }) =>
    json(await createSigningKey({ principal, request: body, httpRequest: request }), 201),
);
