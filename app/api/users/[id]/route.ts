import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZIdParams } from "@/lib/contracts/common";
import { ZUpdateUserRequest } from "@/lib/contracts/users";
import { updateUser } from "@/lib/server/services/users/update-user";

export const dynamic = "force-dynamic";

// PATCH /api/users/{id} — change a user's role, disable them, or turn their api_key stamps off (admin)
export const PATCH = handler(
  { dialect: coreDialect, auth: { scopes: ["admin"] }, params: ZIdParams, body: ZUpdateUserRequest },
  ({ principal, params, body, request }) =>
    updateUser({ principal, userId: params.id, changes: body, request }),
);
