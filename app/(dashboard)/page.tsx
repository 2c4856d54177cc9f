import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getSessionUser } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await getSessionUser();
  return (
    <>
      <PageHeader title="Overview" />
      <Panel title="Signed in">
        <p className="text-sm">
          {user?.email} <span className="text-muted">({user?.role})</span>
        </p>
        <p className="mt-2 text-sm text-muted">
          Scripts use the same APIs as this dashboard with an API token: create one in{" "}
          <Link href="/settings" className="text-accent underline">
            Settings
          </Link>
          .
        </p>
      </Panel>
    </>
  );
}
