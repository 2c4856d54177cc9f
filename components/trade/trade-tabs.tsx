"use client";

import dynamic from "next/dynamic";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { LoadingRows } from "@/components/ui/states";
import { OrderEntry } from "./order-entry";

// The DeFi tab is the Gateway's own panel; its code loads only when the tab is opened.
const DefiTradePanel = dynamic(
  () => import("@/components/defi/defi-trade-panel").then((module) => module.DefiTradePanel),
  { loading: () => <LoadingRows rows={6} label="Loading DeFi order entry" /> },
);

const TABS = [
  { id: "algorithmic", label: "Algorithmic" },
  { id: "defi", label: "DeFi" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/** Trade: algorithmic parent orders, or a DeFi swap through the Gateway (ARIA tabs, arrow keys move). */
export function TradeTabs() {
  const id = useId();
  const [tab, setTab] = useState<TabId>("algorithmic");
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % TABS.length
        : event.key === "ArrowLeft"
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? TABS.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setTab(TABS[next]!.id);
    refs.current[TABS[next]!.id]?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <div
        role="tablist"
        aria-label="Order type"
        onKeyDown={onKeyDown}
        className="flex w-fit gap-1 rounded-md border border-border bg-panel-2 p-0.5"
      >
        {TABS.map((candidate) => {
          const selected = candidate.id === tab;
          return (
            <button
              key={candidate.id}
              ref={(element) => {
                refs.current[candidate.id] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-${candidate.id}-tab`}
              aria-selected={selected}
              aria-controls={`${id}-${candidate.id}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setTab(candidate.id)}
              className={`h-8 rounded px-4 text-sm font-medium focus-visible:outline-2 focus-visible:outline-accent ${
                selected ? "bg-panel text-fg shadow-sm" : "text-muted hover:text-fg"
              }`}
            >
              {candidate.label}
            </button>
          );
        })}
      </div>
      {TABS.map((candidate) => (
        <div
          key={candidate.id}
          role="tabpanel"
          id={`${id}-${candidate.id}-panel`}
          aria-labelledby={`${id}-${candidate.id}-tab`}
          hidden={candidate.id !== tab}
        >
          {candidate.id === "algorithmic" ? <OrderEntry /> : tab === "defi" ? <DefiTradePanel /> : null}
        </div>
      ))}
    </div>
  );
}
