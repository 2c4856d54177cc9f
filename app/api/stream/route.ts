import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { openStream } from "@/lib/server/services/stream/open-stream";

export const dynamic = "force-dynamic";

// GET /api/stream — Server-Sent Events: the caller's order, placement and fill events, live
export const GET = handler({ dialect: coreDialect, auth: { scopes: ["read"] } }, ({ principal, request }) =>
  openStream({
    userId: principal.userId,
    signal: request.signal,
    rfqDesk: principal.scopes.includes("taker"),
  }),
);
