import { handler, json } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZCreateTokenRequest } from "@/lib/contracts/tokens";
import { listTokens } from "@/lib/server/services/tokens/list-tokens";
import { createToken } from "@/lib/server/services/tokens/create-token";

export const dynamic = "force-dynamic";

// GET /api/tokens/ — the caller's own API tokens
export const GET = handler({ dialect: coreDialect, auth: { scopes: [] } }, ({ principal }) =>
  listTokens({ userId: principal.userId }),
);

// POST /api/tokens/ — mint a token; its value is in this answer only
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: [], manageAccount: true }, body: ZCreateTokenRequest },
  async ({ principal, body, request }) =>
    json(await createToken({ principal, request: body, httpRequest: request }), 201),
);
