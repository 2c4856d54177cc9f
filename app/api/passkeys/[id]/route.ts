import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZPasskeyIdParams, ZRenamePasskeyRequest } from "@/lib/contracts/passkeys";
import { renamePasskey } from "@/lib/server/services/passkeys/rename-passkey";
import { deletePasskey } from "@/lib/server/services/passkeys/delete-passkey";

export const dynamic = "force-dynamic";

// PATCH /api/passkeys/{id} — rename one of the caller's passkeys
export const PATCH = handler(
  {
    dialect: coreDialect,
    auth: { scopes: [], manageAccount: true },
    params: ZPasskeyIdParams,
    body: ZRenamePasskeyRequest,
  },
  ({ principal, params, body }) =>
    renamePasskey({ userId: principal.userId, passkeyId: params.id, name: body.name }),
);

// DELETE /api/passkeys/{id} — remove one of the caller's passkeys (204)
export const DELETE = handler(
  { dialect: coreDialect, auth: { scopes: [], manageAccount: true }, params: ZPasskeyIdParams },
  async ({ principal, params, request }) => {
    await deletePasskey({ principal, passkeyId: params.id, request });
    return new Response(null, { status: 204 });
  },
);
