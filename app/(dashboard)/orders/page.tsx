import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet";

export const metadata: Metadata = { title: "Orders" };

export default function OrdersPage() {
  return <NotYetAvailable title="Orders" what="Active orders and order history." />;
}
