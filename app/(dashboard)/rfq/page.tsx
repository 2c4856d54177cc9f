import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet";

export const metadata: Metadata = { title: "RFQ" };

export default function RFQPage() {
  return <NotYetAvailable title="RFQ" what="The RFQ desk for maker-signed orders." />;
}
