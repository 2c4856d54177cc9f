import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZChangePasswordRequest } from "@/lib/contracts/users";
import { changePassword } from "@/lib/server/services/users/change-password";

export const dynamic = "force-dynamic";

// POST /api/me/password — change one's own password
export const POST = handler(
  { dialect: coreDialect, auth: { scopes: [], manageAccount: true }, body: ZChangePasswordRequest },
  ({ principal, body, request }) =>
    changePassword({
      principal,
      currentPassword: body.current_password,
      newPassword: body.new_password,
      request,
    }),
);
