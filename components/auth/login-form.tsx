"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { passkeyErrorMessage } from "@/lib/client/passkey-errors";
import type { TLoginOptions } from "@/lib/contracts/passkeys";

type RequestOptions = Parameters<typeof startAuthentication>[0]["optionsJSON"];

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  PasskeySignin: "That passkey could not sign you in. Use another one, or your password.",
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
  const [pending, setPending] = useState<"password" | "passkey" | null>(null);
  const initialError = params.get("error");
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? "Sign-in failed.") : null,
  );

  function signedIn() {
    router.replace(safeCallback(params.get("callbackUrl")));
    router.refresh();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending("password");
    setError(null);
    try {
      const result = await signIn("password", { email, password, redirect: false });
      if (result?.ok && !result.error) return signedIn();
      setError(
        MESSAGES[result?.error ?? ""] ?? (result?.status === 429 ? MESSAGES.RateLimited! : "Sign-in failed."),
      );
    } catch {
      setError("Could not reach the server.");
    } finally {
      setPending(null);
    }
  }

  /** A sign-in challenge from the server → the browser's passkey prompt → next-auth's "passkey" provider. */
  async function onPasskey() {
    setPending("passkey");
    setError(null);
    try {
      const { challenge_id, options } = await apiFetch<TLoginOptions>("/api/auth/passkey/options", {
        method: "POST",
      });
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options as unknown as RequestOptions });
      } catch (ceremonyError) {
        setError(passkeyErrorMessage(ceremonyError, "Passkey sign-in"));
        return;
      }
      const result = await signIn("passkey", {
        challengeId: challenge_id,
        response: JSON.stringify(response),
        redirect: false,
      });
      if (result?.ok && !result.error) return signedIn();
      setError(MESSAGES.PasskeySignin!);
    } catch {
      setError("Could not reach the server.");
    } finally {
      setPending(null);
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
      <Button type="submit" variant="primary" disabled={pending !== null}>
        {pending === "password" ? "Signing in…" : "Sign in"}
      </Button>
      <div className="flex items-center gap-3 text-xs text-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <Button onClick={onPasskey} disabled={pending !== null}>
        {pending === "passkey" ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
    </form>
  );
}
