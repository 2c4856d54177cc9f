/** How much of an order is filled: a bar and the percentage, named for screen readers. */
export function ProgressBar({ pct, label }: { pct: string | number | null; label: string }) {
  const value = Math.min(100, Math.max(0, Number(pct ?? 0) || 0));
  const text = `${value.toFixed(2)}%`;
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
        className="h-1.5 w-full min-w-12 overflow-hidden rounded-full bg-panel-2"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-300"
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="tabular w-14 shrink-0 text-right text-xs">{text}</span>
    </div>
  );
}
