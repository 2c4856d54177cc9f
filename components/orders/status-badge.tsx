const LOOK: Record<string, string> = {
  ACTIVE: "border-accent/50 text-accent",
  FINISHER: "border-accent/50 text-accent",
  PAUSED: "border-warn/50 text-warn",
  SCHEDULED: "border-border text-muted",
  COMPLETE: "border-buy/50 text-buy",
  CANCELED: "border-border text-muted line-through decoration-1",
  FAILED: "border-danger/60 text-danger",
};

const LABEL: Record<string, string> = { FINISHER: "FINISHING" };

/** An order's Core status as a small pill (fixed width, so a status change never moves the row). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex h-6 w-[5.75rem] items-center justify-center rounded-full border text-[11px] font-semibold tracking-wide ${LOOK[status] ?? "border-border text-muted"}`}
    >
      {LABEL[status] ?? status}
    </span>
  );
}
