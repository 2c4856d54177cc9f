"use client";

import { useNow } from "@/lib/client/hooks/use-now";
import { formatSpan } from "./format";

/** Time left until the order's end (or until its start, when scheduled); ticks on its own. */
export function TimeLeft({
  status,
  timeStart,
  timeEnd,
}: {
  status: string;
  timeStart: string | null;
  timeEnd: string | null;
}) {
  const now = useNow();
  if (now === null) return <span className="text-muted">—</span>;
  if (status === "SCHEDULED" && timeStart) {
    const wait = Date.parse(timeStart) - now;
    if (wait > 0) return <span className="text-muted">starts in {formatSpan(wait)}</span>;
  }
  if (!timeEnd) return <span className="text-muted">—</span>;
  const left = Date.parse(timeEnd) - now;
  if (left <= 0) return <span className="text-muted">ending</span>;
  return <span className="tabular">{formatSpan(left)}</span>;
}
