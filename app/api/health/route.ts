import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { checkHealth } from "@/lib/server/services/health/check-health";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database check, no auth
export const GET = handler({ dialect: coreDialect, auth: "public" }, () => checkHealth());
