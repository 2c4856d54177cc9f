import type { ReactNode } from "react";

/** Loading rows keep their height, so nothing shifts when data arrives. */
export function LoadingRows({ rows = 3, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-panel-2" />
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-1 rounded-md border border-dashed border-border px-4 py-8 text-center">
      <p className="text-sm font-medium">{title}</p>
      {children ? <div className="text-sm text-muted">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex items-center justify-between gap-4 rounded-md border border-danger/50 bg-danger/5 px-4 py-3 text-sm"
    >
      <span className="text-danger">{error.message}</span>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="text-sm underline">
          Retry
        </button>
      ) : null}
    </div>
  );
}
