"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TFillPage } from "@/lib/contracts/fills";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The Fills page's filters, as the query string carries them (times ISO 8601). */
export interface FillFilters {
  pair?: string;
  side?: "buy" | "sell";
  account?: string;
  order_id?: string;
  from?: string;
  to?: string;
}

/** The query string of GET /api/fills/ and its CSV export for these filters. */
export function fillsSearchParams(filters: FillFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.pair) search.set("pair", filters.pair);
  if (filters.side) search.set("side", filters.side);
  if (filters.account) search.set("account_names", filters.account);
  if (filters.order_id) search.set("order_id", filters.order_id.trim());
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  return search;
}

/**
 * One page of the caller's fills (GET /api/fills/), newest first. The live stream makes every page
 * stale on fill events (queryKeys.fills.all()); the first page also polls slowly as a safety net
 * while the stream is away. The previous page stays on screen while the next loads, so the table
 * never collapses.
 */
export function useFills(
  filters: FillFilters,
  cursor: string | null,
  { pageSize = 50, refreshMs = 30_000 }: { pageSize?: number; refreshMs?: number } = {},
) {
  return useQuery({
    queryKey: queryKeys.fills.list({ ...filters, pageSize }, cursor),
    queryFn: ({ signal }) => {
      const search = fillsSearchParams(filters);
      search.set("page_size", String(pageSize));
      if (cursor) search.set("cursor", cursor);
      return apiFetch<TFillPage>(`/api/fills/?${search}`, { signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: cursor === null ? refreshMs : false,
  });
}
