import { handler, json } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZCreateUserRequest } from "@/lib/contracts/users";
import { createUser } from "@/lib/server/services/users/create-user";
import { listUsers } from "@/lib/server/services/users/list-users";

export const dynamic = "force-dynamic";

// GET /api/users/ — every user (admin)
export const GET = handler({ dialect: coreDialect, auth: { scopes: ["admin"] } }, () => listUsers());

// POST /api/users/ — create a user (admin); answers the user without secrets
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: ["admin"] }, body: ZCreateUserRequest },
  async ({ principal, body, request }) =>
    json(await createUser({ principal, request: body, httpRequest: request }), 201),
);
