"use client";

import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import type { TPasskey } from "@/lib/contracts/passkeys";
import { usePasskeys } from "@/lib/client/hooks/use-passkeys";
import { useRegisterPasskey } from "@/lib/client/hooks/use-register-passkey";
import { useRenamePasskey } from "@/lib/client/hooks/use-rename-passkey";
import { useDeletePasskey } from "@/lib/client/hooks/use-delete-passkey";
import { ApiError } from "@/lib/client/api";
import { passkeyErrorMessage } from "@/lib/client/passkey-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** WebAuthn exists only in the browser: false on the server render, then the real answer. */
const useWebAuthnSupport = () =>
  useSyncExternalStore(
    () => () => {},
    () => browserSupportsWebAuthn(),
    () => true,
  );

/** Settings → Passkeys: add passkeys (sign-in and signing DeFi steps), rename and remove them. */
export function PasskeysPanel() {
  const passkeys = usePasskeys();
  const register = useRegisterPasskey();
  const supported = useWebAuthnSupport();
  const [name, setName] = useState("");
  const fieldErrors = register.error instanceof ApiError ? register.error.fieldErrors : {};

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    try {
      // With a passkey already there, one of them confirms the new one first (two prompts).
      await register.mutateAsync({ name: name.trim(), confirm: (passkeys.data?.passkeys.length ?? 0) > 0 });
      setName("");
    } catch {
      // shown below from register.error
    }
  }

  return (
    <Panel title="Passkeys">
      <p className="mb-4 text-sm text-muted">
        Sign in without a password, and approve DeFi orders with your device&apos;s fingerprint, face or PIN.
      </p>
      {supported ? (
        <form onSubmit={onAdd} className="mb-6 flex flex-wrap items-end gap-3" aria-label="Add passkey">
          <TextField
            label="Passkey name"
            className="min-w-56 flex-1"
            value={name}
            maxLength={100}
            required
            placeholder="e.g. MacBook Touch ID"
            error={fieldErrors.name}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={register.isPending || name.trim() === ""}>
            {register.isPending ? "Waiting for your passkey…" : "Add passkey"}
          </Button>
        </form>
      ) : (
        <p role="note" className="mb-6 text-sm text-muted">
          This browser cannot create passkeys.
        </p>
      )}
      {register.error && Object.keys(fieldErrors).length === 0 ? (
        <p role="alert" className="mb-4 text-sm text-danger">
          {register.error instanceof ApiError
            ? register.error.message
            : passkeyErrorMessage(register.error, "Adding a passkey")}
        </p>
      ) : null}
      {register.isSuccess ? (
        <p role="status" className="mb-4 text-sm text-buy">
          Passkey “{register.data.name}” added.
        </p>
      ) : null}

      {passkeys.isPending ? (
        <LoadingRows label="Loading passkeys" />
      ) : passkeys.isError ? (
        <ErrorState error={passkeys.error} onRetry={() => passkeys.refetch()} />
      ) : passkeys.data.passkeys.length === 0 ? (
        <EmptyState title="No passkeys yet">Add one to sign in and sign DeFi orders with it.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[560px] text-sm" aria-label="Passkeys">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-2 font-medium">Name</th>
                <th className="font-medium">Created</th>
                <th className="font-medium">Last used</th>
                <th className="font-medium">Kind</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {passkeys.data.passkeys.map((passkey) => (
                <PasskeyRow key={passkey.id} passkey={passkey} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function PasskeyRow({ passkey }: { passkey: TPasskey }) {
  const rename = useRenamePasskey();
  const remove = useDeletePasskey();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(passkey.name);
  const [confirming, setConfirming] = useState(false);

  async function onRename(event: FormEvent) {
    event.preventDefault();
    try {
      await rename.mutateAsync({ id: passkey.id, name: draft.trim() });
      setEditing(false);
    } catch {
      // shown beside the field
    }
  }

  return (
    <tr className="border-t border-border align-top">
      <td className="py-2">
        {editing ? (
          <form onSubmit={onRename} aria-label={`Rename ${passkey.name}`} className="flex items-end gap-2">
            <TextField
              label={`New name for ${passkey.name}`}
              value={draft}
              maxLength={100}
              required
              autoFocus
              error={rename.error ? rename.error.message : undefined}
              onChange={(event) => setDraft(event.target.value)}
            />
            <Button type="submit" disabled={rename.isPending || draft.trim() === ""}>
              Save
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          passkey.name
        )}
      </td>
      <td className="tabular py-2">{formatTime(passkey.created_at)}</td>
      <td className="tabular py-2">{formatTime(passkey.last_used_at)}</td>
      <td className="py-2">{passkey.device_type === "multiDevice" ? "synced" : "this device"}</td>
      <td className="py-2 text-right">
        {editing ? null : confirming ? (
          <span className="inline-flex gap-2">
            <Button
              variant="danger"
              aria-label={`Confirm delete ${passkey.name}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(passkey.id, { onSettled: () => setConfirming(false) })}
            >
              Confirm
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <span className="inline-flex gap-2">
            <Button
              variant="ghost"
              aria-label={`Rename ${passkey.name}`}
              onClick={() => {
                setDraft(passkey.name);
                setEditing(true);
              }}
            >
              Rename
            </Button>
            <Button
              variant="danger"
              aria-label={`Delete ${passkey.name}`}
              onClick={() => setConfirming(true)}
            >
              Delete
            </Button>
          </span>
        )}
        {remove.error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {remove.error.message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
