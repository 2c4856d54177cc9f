import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZListFillsQuery } from "@/lib/contracts/fills";
import { listFills } from "@/lib/server/services/fills/list-fills";

export const dynamic = "force-dynamic";

// GET /api/fills/ — the caller's fills across orders, newest first, filtered, keyset-paged
export const GET = handler(
  { dialect: coreDialect, auth: { scopes: ["read"] }, query: ZListFillsQuery },
  ({ principal, query }) => listFills({ userId: principal.userId, query }),
);
