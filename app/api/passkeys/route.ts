import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { listPasskeys } from "@/lib/server/services/passkeys/list-passkeys";

export const dynamic = "force-dynamic";

// GET /api/passkeys/ — the caller's passkeys (name, created, last used)
export const GET = handler({ dialect: coreDialect, auth: { scopes: [] } }, ({ principal }) =>
  listPasskeys({ userId: principal.userId }),
);
