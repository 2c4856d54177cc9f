import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { openStream } from "@/lib/server/services/stream/open-stream";
import { acquireStream } from "@/lib/server/http/rate-limit";

export const dynamic = "force-dynamic";

// GET /api/stream — Server-Sent Events: the caller's order, placement and fill events, live (429 past the stream limit)
export const GET = handler({ dialect: coreDialect, auth: { scopes: ["read"] } }, ({ principal, request }) =>
  openStream({
    userId: principal.userId,
    signal: request.signal,
    release: acquireStream(principal.userId, request),
    rfqDesk: principal.scopes.includes("taker"),
  }),
);
