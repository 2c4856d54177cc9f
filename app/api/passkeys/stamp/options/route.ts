import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { createStampOptions } from "@/lib/server/services/passkeys/create-stamp-options";

export const dynamic = "force-dynamic";

// POST /api/passkeys/stamp/options — RP ID and the caller's credentials, to stamp payloads
export const POST = handler({ dialect: coreDialect, auth: { scopes: [] } }, ({ principal }) =>
  createStampOptions({ userId: principal.userId }),
);
