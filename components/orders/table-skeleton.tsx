/** A loading table the size of the real one: a header bar and fixed-height rows. */
export function TableSkeleton({
  rows,
  rowHeight,
  height,
  label,
}: {
  rows: number;
  rowHeight: number;
  height?: number;
  label: string;
}) {
  return (
    <div
      role="status"
      aria-label={label}
      style={height ? { height } : undefined}
      className="overflow-hidden rounded-md border border-border"
    >
      <div className="h-10 border-b border-border bg-panel-2" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} style={{ height: rowHeight }} className="flex items-center border-b border-border px-3">
          <div className="h-3 w-full animate-pulse rounded bg-panel-2" />
        </div>
      ))}
    </div>
  );
}
