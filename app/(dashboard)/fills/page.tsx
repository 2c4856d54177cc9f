import type { Metadata } from "next";
import { FillsView } from "@/components/fills/fills-view";

export const metadata: Metadata = { title: "Fills" };

export default function FillsPage() {
  return <FillsView />;
}
