"use client";

import { fillsSearchParams, type FillFilters } from "@/lib/client/hooks/use-fills";

/**
 * Downloads every fill matching the filters as CSV (GET /api/fills/export.csv streams it, so the
 * size of the export never matters to the page). A link, since a download is a navigation.
 */
export function ExportCsvLink({ filters }: { filters: FillFilters }) {
  const search = fillsSearchParams(filters).toString();
  return (
    <a
      href={`/api/fills/export.csv${search ? `?${search}` : ""}`}
      download
      className="inline-flex h-9 items-center justify-center gap-2 rounded-md border border-border bg-panel-2 px-3 text-sm font-medium text-fg transition hover:bg-border/60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      Export CSV
    </a>
  );
}
