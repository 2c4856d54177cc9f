import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { LiveStreamProvider } from "@/lib/client/stream/live-stream-provider";
import { getSessionUser } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return (
    <LiveStreamProvider>
      <AppNav email={user.email} role={user.role} />
      <main className="mx-auto max-w-[1600px] px-4 py-6">{children}</main>
    </LiveStreamProvider>
  );
}
