import { handler, json } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZRegisterPasskeyRequest } from "@/lib/contracts/passkeys";
import { registerPasskey } from "@/lib/server/services/passkeys/register-passkey";

export const dynamic = "force-dynamic";

// POST /api/passkeys/register/verify — finish adding a passkey: {name, response} → 201
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: [] }, body: ZRegisterPasskeyRequest },
  async ({ principal, body, request }) =>
    json(await registerPasskey({ principal, request: body, httpRequest: request }), 201),
);
