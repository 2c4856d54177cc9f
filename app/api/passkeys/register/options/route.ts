import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZRegistrationOptionsRequest } from "@/lib/contracts/passkeys";
import { createRegistrationOptions } from "@/lib/server/services/passkeys/create-registration-options";

export const dynamic = "force-dynamic";

// POST /api/passkeys/register/options — start adding a passkey (browser session; a step-up once one exists)
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: [] }, body: ZRegistrationOptionsRequest },
  ({ principal, body, request }) =>
    createRegistrationOptions({ principal, request: body, httpRequest: request }),
);
