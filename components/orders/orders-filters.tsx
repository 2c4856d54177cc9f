"use client";

import { SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

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
  const set = (key: keyof ActiveFilters) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    onChange({ ...filters, [key]: event.target.value });
  const any = filters.status !== "" || filters.account !== "" || filters.pair !== "";
  return (
    <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <SelectField label="Status" value={filters.status} onChange={set("status")} className="sm:w-40">
        {STATUSES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Account" value={filters.account} onChange={set("account")} className="sm:w-40">
        <option value="">All accounts</option>
        {accounts.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Pair" value={filters.pair} onChange={set("pair")} className="sm:w-40">
        <option value="">All pairs</option>
        {pairs.map((pair) => (
          <option key={pair} value={pair}>
            {pair}
          </option>
        ))}
      </SelectField>
      <Button variant="ghost" onClick={() => onChange(NO_FILTERS)} disabled={!any}>
        Clear filters
      </Button>
    </div>
  );
}
