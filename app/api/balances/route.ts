import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZBalancesQuery } from "@/lib/contracts/core/accounts";
import { getBalances } from "@/lib/server/services/accounts/get-balances";
import { coreBalances } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/balances/ — balances of the caller's accounts by account name, valued at the venue's mid
export const GET = handler(
  { dialect: coreDialectFor("GET /api/balances/"), auth: { scopes: ["read"] }, query: ZBalancesQuery },
  async ({ principal, query }) =>
    coreBalances(
      await getBalances({
        userId: principal.userId,
        accountNames: query.account_names,
        exchangeNames: query.exchange_names,
      }),
    ),
);
