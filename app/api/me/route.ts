import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { getMe } from "@/lib/server/services/users/get-me";

export const dynamic = "force-dynamic";

// GET /api/me — the caller's identity and scopes (any auth form or a session)
export const GET = handler({ dialect: coreDialect, auth: { scopes: [] } }, ({ principal }) =>
  getMe({ principal }),
);
