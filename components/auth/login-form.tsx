"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  RateLimited: "Too many failed sign-in attempts. Wait a few minutes and try again.",
  SessionRequired: "Sign in to continue.",
};

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeCallback(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const initialError = params.get("error");
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? "Sign-in failed.") : null,
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await signIn("password", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(safeCallback(params.get("callbackUrl")));
        router.refresh();
        return;
      }
      setError(
        MESSAGES[result?.error ?? ""] ?? (result?.status === 429 ? MESSAGES.RateLimited! : "Sign-in failed."),
      );
    } catch {
      setError("Could not reach the server.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Sign in">
      <TextField
        label="Email"
        type="text"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
