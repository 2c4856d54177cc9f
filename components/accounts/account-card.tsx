"use client";

import type { TCoreAccount, TCoreBalances } from "@/lib/contracts/core/accounts";
import { formatDecimal, formatTime } from "@/lib/client/format";
import { ZERO, parseDecimal } from "@/lib/domain/shared/decimal";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/states";

type Assets = TCoreBalances[string]["assets"];

/** One trading account: where it trades, whether it is paper, and its balance per asset. */
export function AccountCard({ account, assets }: { account: TCoreAccount; assets: Assets | undefined }) {
  const held = (assets ?? []).filter((asset) => Number(asset.size) !== 0);
  // Exact sum of the values the server gave (numbers are sent only when exact).
  const total = held.reduce(
    (sum, asset) => sum.plus(parseDecimal(String(asset.notional ?? 0)) ?? ZERO),
    ZERO,
  );
  return (
    <Panel
      title={account.name}
      actions={
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="rounded bg-panel-2 px-2 py-0.5">venue {account.exchange}</span>
          <span className="rounded bg-panel-2 px-2 py-0.5">{account.market_types.join(", ")}</span>
          {account.is_paper ? (
            <span className="rounded bg-warn/15 px-2 py-0.5 font-medium text-warn">paper</span>
          ) : (
            <span className="rounded bg-buy/15 px-2 py-0.5 font-medium text-buy">live</span>
          )}
        </div>
      }
    >
      {held.length === 0 ? (
        <EmptyState title="No balances">This account holds no assets.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[18rem] text-sm" aria-label={`Balances of ${account.name}`}>
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-2 pr-3 font-medium">Asset</th>
                <th className="pr-3 text-right font-medium">Balance</th>
                <th className="text-right font-medium sm:pr-3">Value (USDT)</th>
                <th className="hidden text-right font-medium sm:table-cell">Share</th>
              </tr>
            </thead>
            <tbody>
              {held.map((asset) => (
                <tr key={`${asset.symbol}:${asset.market_type}`} className="h-9 border-t border-border">
                  <td className="pr-3 font-medium">{asset.symbol}</td>
                  <td className="tabular pr-3 text-right">{formatDecimal(asset.size)}</td>
                  <td className="tabular text-right sm:pr-3">
                    {asset.notional === null ? "—" : formatDecimal(asset.notional, { maxDecimals: 2 })}
                  </td>
                  <td className="tabular hidden text-right text-muted sm:table-cell">
                    {asset.notional_pct_total === null
                      ? "—"
                      : `${formatDecimal(Number(asset.notional_pct_total) * 100, { maxDecimals: 1 })} %`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted">
        <span>Opened {formatTime(account.created_at)}</span>
        {held.length > 0 ? (
          <span>
            Total{" "}
            <span className="tabular text-sm font-semibold text-fg">
              {formatDecimal(total, { maxDecimals: 2 })}
            </span>{" "}
            USDT
          </span>
        ) : null}
      </div>
    </Panel>
  );
}
