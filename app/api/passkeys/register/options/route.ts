import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { createRegistrationOptions } from "@/lib/server/services/passkeys/create-registration-options";

export const dynamic = "force-dynamic";

// POST /api/passkeys/register/options — start adding a passkey (browser session only)
export const POST = handler({ dialect: coreDialect, auth: { scopes: [] } }, ({ principal }) =>
  createRegistrationOptions({ principal }),
);
