"use client";

import { useState } from "react";
import type { FillFilters } from "@/lib/client/hooks/use-fills";
import { useAccounts } from "@/lib/client/hooks/use-accounts";
import { useMarketPairs } from "@/lib/client/hooks/use-market-pairs";
import { SelectField, TextField } from "@/components/ui/field";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** datetime-local text (reader's zone) → ISO 8601 UTC; undefined when empty or not a time. */
function toIso(local: string): string | undefined {
  if (local.trim() === "") return undefined;
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The filters of the Fills page (they drive the list, the CSV export and the statistics). Selects
 * apply at once; the order id applies once it is a whole UUID (or empty), times once complete.
 */
export function FillsFiltersBar({ onChange }: { onChange: (filters: FillFilters) => void }) {
  const pairs = useMarketPairs();
  const accounts = useAccounts();
  const [draft, setDraft] = useState({ pair: "", side: "", account: "", order: "", from: "", to: "" });
  const orderInvalid = draft.order.trim() !== "" && !UUID.test(draft.order.trim());

  function set(key: keyof typeof draft, value: string) {
    const next = { ...draft, [key]: value };
    setDraft(next);
    const order = next.order.trim();
    onChange({
      pair: next.pair || undefined,
      side: next.side === "buy" || next.side === "sell" ? next.side : undefined,
      account: next.account || undefined,
      order_id: UUID.test(order) ? order : undefined,
      from: toIso(next.from),
      to: toIso(next.to),
    });
  }

  return (
    <form
      aria-label="Fill filters"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6"
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField label="Pair" value={draft.pair} onChange={(event) => set("pair", event.target.value)}>
        <option value="">All pairs</option>
        {pairs.data?.pairs.map((pair) => (
          <option key={pair.pair} value={pair.pair}>
            {pair.pair}
          </option>
        ))}
      </SelectField>
      <SelectField label="Side" value={draft.side} onChange={(event) => set("side", event.target.value)}>
        <option value="">Both sides</option>
        <option value="buy">Buy</option>
        <option value="sell">Sell</option>
      </SelectField>
      <SelectField
        label="Account"
        value={draft.account}
        onChange={(event) => set("account", event.target.value)}
      >
        <option value="">All accounts</option>
        {accounts.data?.accounts.map((account) => (
          <option key={account.id} value={account.name}>
            {account.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Order ID"
        spellCheck={false}
        autoComplete="off"
        placeholder="All orders"
        value={draft.order}
        error={orderInvalid ? "An order UUID" : undefined}
        onChange={(event) => set("order", event.target.value)}
      />
      <TextField
        label="From"
        type="datetime-local"
        value={draft.from}
        onChange={(event) => set("from", event.target.value)}
      />
      <TextField
        label="To"
        type="datetime-local"
        value={draft.to}
        onChange={(event) => set("to", event.target.value)}
      />
    </form>
  );
}
