"use client";

import { useState } from "react";
import type { FillFilters } from "@/lib/client/hooks/use-fills";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ExecutionStatsPanel } from "@/components/stats/execution-stats-panel";
import { ExportCsvLink } from "./export-csv-link";
import { FillsFiltersBar } from "./fills-filters";
import { FillsTable } from "./fills-table";

/** The Fills page: one set of filters for the fills list, its CSV export and the statistics. */
export function FillsView() {
  const [filters, setFilters] = useState<FillFilters>({});
  return (
    <>
      <PageHeader title="Fills">
        <ExportCsvLink filters={filters} />
      </PageHeader>
      <div className="flex flex-col gap-6">
        <Panel title="Filters">
          <FillsFiltersBar onChange={setFilters} />
        </Panel>
        <Panel title="All fills">
          <FillsTable filters={filters} />
        </Panel>
        <ExecutionStatsPanel
          filters={{ pair: filters.pair, account: filters.account, from: filters.from, to: filters.to }}
        />
      </div>
    </>
  );
}
