"use client";

import { useState, type FormEvent } from "react";
import { useSigningKeys } from "@/lib/client/hooks/use-signing-keys";
import { useCreateSigningKey } from "@/lib/client/hooks/use-create-signing-key";
import { useRevokeSigningKey } from "@/lib/client/hooks/use-revoke-signing-key";
import { usePasskeys } from "@/lib/client/hooks/use-passkeys";
import { ApiError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");
const shortKey = (hex: string) => `${hex.slice(0, 10)}…${hex.slice(-6)}`;

/**
 * Settings → Signing keys: P-256 public keys that headless clients sign Gateway payloads with
 * (`auth_type: "api_key"`, Turnkey API-key stamps). The private key never leaves the client.
 */
export function SigningKeysPanel() {
  const keys = useSigningKeys();
  const create = useCreateSigningKey();
  const revoke = useRevokeSigningKey();
  const [publicKey, setPublicKey] = useState("");
  const [label, setLabel] = useState("");
  const [password, setPassword] = useState("");
  // A key can execute DeFi orders: registering one is confirmed with a passkey, or the password.
  const passkeys = usePasskeys();
  const confirmWithPasskey = (passkeys.data?.passkeys.length ?? 0) > 0;
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    try {
      await create.mutateAsync({
        public_key: publicKey.trim(),
        label: label.trim(),
        password: confirmWithPasskey ? null : password,
      });
      setPublicKey("");
      setLabel("");
      setPassword("");
    } catch {
      // shown below from create.error
    }
  }

  return (
    <Panel title="Signing keys">
      <p className="mb-4 text-sm text-muted">
        For scripts that execute DeFi orders: register the compressed P-256 public key (66 hex digits, 02/03…)
        whose private key signs each payload. A key can execute DeFi orders, so you confirm it with{" "}
        {confirmWithPasskey ? "one of your passkeys" : "your password"}.
      </p>
      <form onSubmit={onCreate} className="mb-6 flex flex-col gap-3" aria-label="Register signing key">
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Public key (hex)"
            className="min-w-80 flex-[2]"
            value={publicKey}
            required
            spellCheck={false}
            autoComplete="off"
            placeholder="02…"
            error={fieldErrors.public_key}
            onChange={(event) => setPublicKey(event.target.value)}
          />
          <TextField
            label="Key label"
            className="min-w-48 flex-1"
            value={label}
            maxLength={100}
            required
            placeholder="e.g. rebalancer"
            error={fieldErrors.label}
            onChange={(event) => setLabel(event.target.value)}
          />
          {confirmWithPasskey ? null : (
            <TextField
              label="Your password"
              type="password"
              className="min-w-48 flex-1"
              value={password}
              required
              autoComplete="current-password"
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
          <Button type="submit" variant="primary" disabled={create.isPending || passkeys.isPending}>
            {create.isPending
              ? confirmWithPasskey
                ? "Waiting for your passkey…"
                : "Registering…"
              : "Register key"}
          </Button>
        </div>
        {create.error && Object.keys(fieldErrors).length === 0 ? <ErrorState error={create.error} /> : null}
      </form>

      {keys.isPending ? (
        <LoadingRows label="Loading signing keys" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.signing_keys.length === 0 ? (
        <EmptyState title="No signing keys yet">
          Passkeys sign in the browser; keys sign for scripts.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[640px] text-sm" aria-label="Signing keys">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-2 font-medium">Label</th>
                <th className="font-medium">Public key</th>
                <th className="font-medium">Created</th>
                <th className="font-medium">Last used</th>
                <th className="font-medium">Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.signing_keys.map((key) => (
                <tr key={key.id} className="border-t border-border">
                  <td className="py-2">{key.label}</td>
                  <td className="font-mono text-xs" title={key.public_key}>
                    {shortKey(key.public_key)}
                  </td>
                  <td className="tabular">{formatTime(key.created_at)}</td>
                  <td className="tabular">{formatTime(key.last_used_at)}</td>
                  <td>{key.revoked_at ? <span className="text-muted">revoked</span> : "active"}</td>
                  <td className="text-right">
                    {key.revoked_at ? null : (
                      <ConfirmAction
                        action="Revoke"
                        subject={key.label}
                        pending={revoke.isPending}
                        onConfirm={(done) => revoke.mutate(key.id, { onSettled: done })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
