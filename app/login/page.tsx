import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-panel p-6">
        <h1 className="mb-1 text-lg font-semibold">Sign in to Tranche</h1>
        <p className="mb-6 text-sm text-muted">Execution dashboard</p>
        <Suspense>
          <LoginForm />
        </Suspense>
      </div>
    </main>
  );
}
