"use client";

import { useAccounts } from "@/lib/client/hooks/use-accounts";
import { useBalances } from "@/lib/client/hooks/use-balances";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { AccountCard } from "./account-card";

/**
 * The caller's trading accounts with their balances per asset, kept current: fills make balances
 * stale through the shared cache keys, and a short poll covers the time the stream is away.
 */
export function AccountsView() {
  const accounts = useAccounts();
  const balances = useBalances();
  if (accounts.isPending) return <LoadingRows rows={6} label="Loading accounts" />;
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  if (accounts.data.accounts.length === 0)
    return <EmptyState title="No trading accounts">Accounts appear here once they are set up.</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      {balances.isError ? (
        <ErrorState error={balances.error} onRetry={() => void balances.refetch()} />
      ) : null}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {accounts.data.accounts.map((account) =>
          balances.isPending ? (
            <LoadingRows key={account.id} rows={5} label={`Loading balances of ${account.name}`} />
          ) : (
            <AccountCard key={account.id} account={account} assets={balances.data?.[account.name]?.assets} />
          ),
        )}
      </div>
    </div>
  );
}
