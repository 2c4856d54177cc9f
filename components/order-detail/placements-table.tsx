"use client";

import { Fragment, useState } from "react";
import type { TCorePlacement } from "@/lib/contracts/core/orders";
import { EmptyState } from "@/components/ui/states";
import { formatPrice, formatQty, formatTime, shortId } from "@/components/orders/format";

const SHOWN = 50;
const CELL = "h-9 border-b border-border px-2 whitespace-nowrap";
const HEAD = ["Placed", "Id", "Type", "Price", "Qty", "Executed", "Status", "Detail", "Fills"];
const RIGHT = new Set([3, 4, 5]);

const STATUS_LOOK: Record<string, string> = {
  ACTIVE: "text-accent",
  COMPLETE: "text-buy",
  CANCELED: "text-muted",
  FAILED: "text-danger",
};

/**
 * The child orders the engine sent to the venue, newest first, each with its fills on demand. The
 * newest 50 show at first (a long TWAP places hundreds).
 */
export function PlacementsTable({ placements }: { placements: readonly TCorePlacement[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [all, setAll] = useState(false);
  if (placements.length === 0)
    return (
      <EmptyState title="No placements yet">The engine places child orders as the schedule runs.</EmptyState>
    );
  const newestFirst = [...placements].reverse();
  const rows = all ? newestFirst : newestFirst.slice(0, SHOWN);
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="flex flex-col gap-2">
      <div className="max-h-[28rem] overflow-auto rounded-md border border-border">
        <table
          aria-label="Placements"
          className="w-full min-w-[820px] border-separate border-spacing-0 text-sm"
        >
          <thead className="sticky top-0 bg-panel-2 text-left text-xs text-muted">
            <tr className="h-9">
              {HEAD.map((h, i) => (
                <th
                  key={h}
                  scope="col"
                  className={`border-b border-border px-2 font-medium ${RIGHT.has(i) ? "text-right" : ""}`}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((placement) => {
              const expanded = open.has(placement.id);
              return (
                <Fragment key={placement.id}>
                  <tr>
                    <td className={`${CELL} tabular text-muted`}>{formatTime(placement.created_at)}</td>
                    <td className={`${CELL} font-mono text-xs`}>{shortId(placement.id)}</td>
                    <td className={CELL}>{placement.placement_type}</td>
                    <td className={`${CELL} tabular text-right`}>
                      {placement.price === null ? "market" : formatPrice(placement.price)}
                    </td>
                    <td className={`${CELL} tabular text-right`}>{formatQty(placement.qty)}</td>
                    <td className={`${CELL} tabular text-right`}>{formatQty(placement.executed_qty)}</td>
                    <td className={`${CELL} text-xs font-semibold ${STATUS_LOOK[placement.status] ?? ""}`}>
                      {placement.status}
                    </td>
                    <td className={`${CELL} max-w-48 overflow-hidden text-ellipsis text-xs text-muted`}>
                      {placement.sub_status ?? ""}
                    </td>
                    <td className={CELL}>
                      {placement.fills.length > 0 ? (
                        <button
                          type="button"
                          aria-expanded={expanded}
                          aria-label={`${expanded ? "Hide" : "Show"} ${placement.fills.length} fills of placement ${shortId(placement.id)}`}
                          onClick={() => toggle(placement.id)}
                          className="text-accent hover:underline"
                        >
                          {placement.fills.length} {expanded ? "▴" : "▾"}
                        </button>
                      ) : (
                        <span className="text-muted">0</span>
                      )}
                    </td>
                  </tr>
                  {expanded
                    ? placement.fills.map((fill) => (
                        <tr key={fill.id} className="bg-panel-2/50 text-xs">
                          <td className={`${CELL} tabular pl-6 text-muted`}>{formatTime(fill.fill_time)}</td>
                          <td className={`${CELL} text-muted`}>fill</td>
                          <td className={CELL}>{fill.role}</td>
                          <td className={`${CELL} tabular text-right`}>{formatPrice(fill.executed_price)}</td>
                          <td className={`${CELL} tabular text-right`} />
                          <td className={`${CELL} tabular text-right`}>{formatQty(fill.executed_qty)}</td>
                          <td className={`${CELL} text-muted`} colSpan={3}>
                            fee {formatQty(fill.fee, 8)} {fill.fee_asset}
                          </td>
                        </tr>
                      ))
                    : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {placements.length > SHOWN ? (
        <button
          type="button"
          className="self-start text-sm text-accent underline"
          onClick={() => setAll((v) => !v)}
        >
          {all ? `Show the newest ${SHOWN} placements` : `Show all ${placements.length} placements`}
        </button>
      ) : null}
    </div>
  );
}
