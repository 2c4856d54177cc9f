import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TradeTabs } from "@/components/trade/trade-tabs";

export const metadata: Metadata = { title: "Trade" };

export default function TradePage() {
  return (
    <>
      <PageHeader title="Trade" />
      <TradeTabs />
    </>
  );
}
