import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { PasswordPanel } from "@/components/settings/password-panel";
import { PasskeysPanel } from "@/components/settings/passkeys-panel";
import { SigningKeysPanel } from "@/components/settings/signing-keys-panel";
import { getSessionUser } from "@/lib/server/auth/session";
import { scopesForRole } from "@/lib/server/auth/scopes";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return (
    <>
      <PageHeader title="Settings" />
      <div className="flex flex-col gap-6">
        <PasskeysPanel />
        <TokensPanel allowedScopes={scopesForRole(user.role)} />
        <SigningKeysPanel />
        <PasswordPanel />
        {user.role === "admin" ? <UsersPanel currentUserId={user.id} /> : null}
      </div>
    </>
  );
}
