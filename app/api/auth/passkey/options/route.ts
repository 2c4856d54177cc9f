import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { createLoginOptions } from "@/lib/server/services/passkeys/create-login-options";

export const dynamic = "force-dynamic";

// POST /api/auth/passkey/options — a passkey sign-in challenge and its id (no credentials needed)
export const POST = handler({ dialect: coreDialect, auth: "public" }, () => createLoginOptions());
