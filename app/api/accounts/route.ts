import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { listAccounts } from "@/lib/server/services/accounts/list-accounts";
import { coreAccounts } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/accounts/ — the caller's trading accounts (the names orders use)
export const GET = handler(
  { dialect: coreDialectFor("GET /api/accounts/"), auth: { scopes: ["read"] } },
  async ({ principal }) => coreAccounts(await listAccounts({ userId: principal.userId })),
);
