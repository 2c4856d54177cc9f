"use client";

import { useGatewayBalances } from "@/lib/client/hooks/use-gateway-balances";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";

/** Balances of the caller's custodial address on each DeFi chain (for Accounts and the DeFi tab). */
export function ChainBalances() {
  const balances = useGatewayBalances();
  const rows = balances.data?.data.filter((row) => row.chain !== null) ?? [];
  const chains = [...new Set(rows.map((row) => row.chain!))];
  return (
    <Panel title="On-chain balances">
      {balances.isPending ? (
        <LoadingRows label="Loading balances" />
      ) : balances.isError ? (
        <ErrorState error={balances.error} onRetry={() => balances.refetch()} />
      ) : chains.length === 0 ? (
        <EmptyState title="No chain configured" />
      ) : (
        <div className="flex flex-col gap-4">
          {chains.map((chain) => {
            const own = rows.filter((row) => row.chain === chain);
            return (
              <div key={chain}>
                <p className="mb-2 text-xs text-muted">
                  Chain <strong>{chain}</strong> · custodial address{" "}
                  <code className="break-all font-mono">{own[0]?.address}</code>
                </p>
                <table className="w-full text-sm" aria-label={`Balances on ${chain}`}>
                  <thead className="text-left text-xs text-muted">
                    <tr>
                      <th className="py-1 font-medium">Asset</th>
                      <th className="text-right font-medium">Total</th>
                      <th className="text-right font-medium">Available</th>
                    </tr>
                  </thead>
                  <tbody>
                    {own.map((row) => (
                      <tr key={row.symbol} className="border-t border-border">
                        <td className="py-1">{row.symbol}</td>
                        <td className="tabular text-right">{row.total}</td>
                        <td className="tabular text-right">{row.available}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </div>
      )}
    </Panel>
  );
}
