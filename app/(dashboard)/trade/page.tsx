import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet";

export const metadata: Metadata = { title: "Trade" };

export default function TradePage() {
  return <NotYetAvailable title="Trade" what="Order entry for algorithmic parent orders." />;
}
