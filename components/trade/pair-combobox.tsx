"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { TMarketPair } from "@/lib/contracts/market";
import { decimalsOf, formatDecimal } from "@/lib/client/format";

const CONTROL =
  "h-9 w-full rounded-md border border-border bg-panel px-3 text-sm text-fg placeholder:text-muted focus:border-accent focus:outline-none aria-[invalid=true]:border-danger";

/**
 * A searchable pair picker (ARIA 1.2 combobox with a listbox): type to filter by pair or asset,
 * arrows to move, Enter to pick, Esc to close. What is typed is the value until a pair is picked, so
 * an unknown pair reaches the API and its error shows here.
 */
export function PairCombobox({
  pairs,
  value,
  onChange,
  error,
  loading,
}: {
  pairs: TMarketPair[];
  value: string;
  onChange: (pair: string) => void;
  error?: string;
  loading?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  // The highlighted option; null until the arrows move it, so it follows what is typed.
  const [active, setActive] = useState<number | null>(null);
  const { matches, exactIndex } = useMemo(() => {
    const query = value.trim().toUpperCase();
    const exactIndex = pairs.findIndex((pair) => pair.pair === query);
    // Once a pair is picked the list shows every pair again (it is a picker, not only a filter),
    // with that pair highlighted: Enter keeps it, never the first in the list.
    const matches =
      exactIndex >= 0 || query === ""
        ? pairs
        : pairs.filter((pair) => pair.pair.includes(query) || pair.base.startsWith(query));
    return { matches, exactIndex };
  }, [pairs, value]);
  const highlighted = active ?? (exactIndex >= 0 ? exactIndex : 0);
  const current = matches.length === 0 ? undefined : matches[Math.min(highlighted, matches.length - 1)];

  function pick(pair: TMarketPair) {
    onChange(pair.pair);
    setOpen(false);
    setActive(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(matches.length === 0 ? null : (highlighted + step + matches.length) % matches.length);
    } else if (event.key === "Enter" && open && current) {
      // Enter picks the highlighted pair; it submits the form only once the list is closed.
      event.preventDefault();
      pick(current);
    } else if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="relative flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        Pair
      </label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && current ? `${id}-${current.pair}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={loading ? "Loading pairs…" : "Search, e.g. BTC"}
        className={CONTROL}
        value={value}
        onChange={(event) => {
          onChange(event.target.value.toUpperCase());
          setOpen(true);
          setActive(null);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Markets"
        hidden={!open || matches.length === 0}
        className="absolute left-0 right-0 top-full z-30 mt-1 max-h-64 overflow-auto rounded-md border border-border bg-panel p-1 shadow-lg"
      >
        {matches.map((pair) => (
          <li
            key={pair.pair}
            id={`${id}-${pair.pair}`}
            role="option"
            aria-selected={current?.pair === pair.pair}
            // Keep focus in the input: the click picks, the blur does not close first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(pair)}
            className={`flex cursor-pointer items-center justify-between gap-4 rounded px-2 py-1.5 text-sm ${
              current?.pair === pair.pair ? "bg-panel-2 text-fg" : "text-fg"
            }`}
          >
            <span className="font-medium">{pair.pair}</span>
            <span className="tabular text-xs text-muted">
              {formatDecimal(pair.mid, { maxDecimals: decimalsOf(pair.tick_size) })}
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
