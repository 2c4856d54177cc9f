import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet";

export const metadata: Metadata = { title: "Accounts" };

export default function AccountsPage() {
  return <NotYetAvailable title="Accounts" what="Accounts and balances per asset." />;
}
