import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { DefiTradePanel } from "@/components/defi/defi-trade-panel";
import { ChainBalances } from "@/components/defi/chain-balances";

export const metadata: Metadata = { title: "Trade · DeFi" };

export default function DefiTradePage() {
  return (
    <>
      <PageHeader title="Trade · DeFi" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <DefiTradePanel />
        <ChainBalances />
      </div>
    </>
  );
}
