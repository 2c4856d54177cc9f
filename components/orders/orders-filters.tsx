"use client";

import { Button } from "@/components/ui/button";
import { FilterSelect } from "./filter-select";

export interface ActiveFilters {
  status: string;
  account: string;
  pair: string;
}

export const NO_FILTERS: ActiveFilters = { status: "", account: "", pair: "" };

const STATUSES = [
  ["", "All unfinished"],
  ["ACTIVE", "Active"],
  ["PAUSED", "Paused"],
  ["SCHEDULED", "Scheduled"],
  ["FINISHER", "Finishing"],
] as const;

/** Status, account and pair filters of the active-orders table (applied in the browser). */
export function OrdersFilters({
  filters,
  onChange,
  accounts,
  pairs,
}: {
  filters: ActiveFilters;
  onChange: (filters: ActiveFilters) => void;
  accounts: string[];
  pairs: string[];
}) {
  const set = (key: keyof ActiveFilters) => (value: string) => onChange({ ...filters, [key]: value });
  const any = filters.status !== "" || filters.account !== "" || filters.pair !== "";
  return (
    <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <FilterSelect label="Status" value={filters.status} onChange={set("status")} options={STATUSES} />
      <FilterSelect
        label="Account"
        value={filters.account}
        onChange={set("account")}
        allLabel="All accounts"
        options={accounts}
      />
      <FilterSelect
        label="Pair"
        value={filters.pair}
        onChange={set("pair")}
        allLabel="All pairs"
        options={pairs}
      />
      <Button variant="ghost" onClick={() => onChange(NO_FILTERS)} disabled={!any}>
        Clear filters
      </Button>
    </div>
  );
}
