"use client";

import type { TCoreAccount } from "@/lib/contracts/core/accounts";
import { ErrorState, LoadingRows } from "@/components/ui/states";

/** The accounts an order may trade in: a checkbox per account of the caller's, named by the account. */
export function AccountPicker({
  accounts,
  loading,
  loadError,
  onRetry,
  selected,
  onChange,
  error,
}: {
  accounts: TCoreAccount[] | undefined;
  loading: boolean;
  loadError: Error | null;
  onRetry: () => void;
  selected: string[];
  onChange: (names: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="mb-1 text-xs font-medium text-muted">Accounts</legend>
      {loading ? (
        <LoadingRows rows={1} label="Loading accounts" />
      ) : loadError ? (
        <ErrorState error={loadError} onRetry={onRetry} />
      ) : !accounts || accounts.length === 0 ? (
        <p className="flex h-9 items-center text-sm text-muted">No trading account yet.</p>
      ) : (
        <div className="flex min-h-9 flex-wrap items-center gap-x-4 gap-y-1">
          {accounts.map((account) => (
            <label key={account.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                aria-invalid={error ? true : undefined}
                checked={selected.includes(account.name)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...selected, account.name]
                      : selected.filter((name) => name !== account.name),
                  )
                }
              />
              <span>{account.name}</span>
              <span className="text-xs text-muted">
                {account.exchange}
                {account.is_paper ? " · paper" : ""}
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
