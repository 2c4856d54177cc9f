import type { Metadata } from "next";
import { AccountsView } from "@/components/accounts/accounts-view";
import { ChainBalances } from "@/components/defi/chain-balances";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Accounts" };

export default function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" />
      <div className="flex flex-col gap-6">
        <AccountsView />
        {/* Custodial balances per DeFi chain, from the Gateway's GET /v1/gateway/balances. */}
        <ChainBalances />
      </div>
    </>
  );
}
