import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet";

export const metadata: Metadata = { title: "Fills" };

export default function FillsPage() {
  return (
    <NotYetAvailable title="Fills" what="Fills across orders, with CSV export and execution statistics." />
  );
}
