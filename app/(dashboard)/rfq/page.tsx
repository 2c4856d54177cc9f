import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RfqDeskView } from "@/components/rfq/rfq-desk-view";

export const metadata: Metadata = { title: "RFQ" };

export default function RFQPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="RFQ desk" />
      <RfqDeskView />
    </div>
  );
}
