"use client";

import { useState, type FormEvent } from "react";
import { ALL_SCOPES, type TScope } from "@/lib/contracts/auth";
import type { TCreatedToken } from "@/lib/contracts/tokens";
import { useTokens } from "@/lib/client/hooks/use-tokens";
import { useCreateToken } from "@/lib/client/hooks/use-create-token";
import { useRevokeToken } from "@/lib/client/hooks/use-revoke-token";
import { ApiError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";

const SCOPE_HELP: Record<TScope, string> = {
  read: "read orders, fills, balances",
  trade: "place, amend and cancel orders",
  taker: "lock and fill RFQ orders",
  admin: "manage users and tokens",
};

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

export function TokensPanel({ allowedScopes }: { allowedScopes: TScope[] }) {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [label, setLabel] = useState("");
  const [scopes, setScopes] = useState<TScope[]>(["read", "trade"]);
  const [created, setCreated] = useState<TCreatedToken | null>(null);
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    try {
      setCreated(await create.mutateAsync({ label, scopes }));
      setLabel("");
    } catch {
      // shown below from create.error
    }
  }

  return (
    <Panel title="API tokens">
      <form onSubmit={onCreate} className="mb-6 flex flex-col gap-3" aria-label="Create API token">
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Token label"
            className="min-w-56 flex-1"
            value={label}
            maxLength={100}
            required
            placeholder="e.g. rebalancer bot"
            error={fieldErrors.label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={create.isPending || scopes.length === 0}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </div>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 text-xs font-medium text-muted">Scopes</legend>
          {ALL_SCOPES.filter((scope) => allowedScopes.includes(scope)).map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm" title={SCOPE_HELP[scope]}>
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) =>
                  setScopes((current) =>
                    event.target.checked ? [...current, scope] : current.filter((s) => s !== scope),
                  )
                }
              />
              {scope}
            </label>
          ))}
        </fieldset>
        {create.error && Object.keys(fieldErrors).length === 0 ? <ErrorState error={create.error} /> : null}
      </form>

      {created ? (
        <div
          role="status"
          aria-label="New token"
          className="mb-6 rounded-md border border-accent/50 bg-accent/5 p-3"
        >
          <p className="mb-2 text-sm">
            Copy this token now: it is shown only once. Use it as <code>Authorization: Token …</code>.
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="new-token-value"
              className="flex-1 break-all rounded bg-panel-2 px-2 py-1 font-mono text-sm"
            >
              {created.token}
            </code>
            <Button onClick={() => navigator.clipboard?.writeText(created.token)}>Copy</Button>
          </div>
        </div>
      ) : null}

      {tokens.isPending ? (
        <LoadingRows label="Loading tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">Scripts and bots authenticate with a token.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[640px] text-sm" aria-label="API tokens">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-2 font-medium">Label</th>
                <th className="font-medium">Token</th>
                <th className="font-medium">Scopes</th>
                <th className="font-medium">Created</th>
                <th className="font-medium">Last used</th>
                <th className="font-medium">Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => (
                <tr key={token.id} className="border-t border-border">
                  <td className="py-2">{token.label}</td>
                  <td className="font-mono text-xs">{token.prefix}…</td>
                  <td>{token.scopes.join(", ")}</td>
                  <td className="tabular">{formatTime(token.created_at)}</td>
                  <td className="tabular">{formatTime(token.last_used_at)}</td>
                  <td>{token.revoked_at ? <span className="text-muted">revoked</span> : "active"}</td>
                  <td className="text-right">
                    {token.revoked_at ? null : (
                      <ConfirmAction
                        action="Revoke"
                        subject={token.label}
                        pending={revoke.isPending}
                        onConfirm={(done) => revoke.mutate(token.id, { onSettled: done })}
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
