"use client";

import { useMemo, useState, type FormEvent } from "react";
import { DEFAULT_SLIPPAGE_BPS, type TCreatedOrder, type TQuoteRequest } from "@/lib/contracts/gateway";
import { DEFI_BASES, DEFI_QUOTE } from "@/lib/domain/defi/tokens";
import { parseDecimal } from "@/lib/domain/shared/decimal";
import { ApiError } from "@/lib/client/api";
import { useGatewayQuote } from "@/lib/client/hooks/use-gateway-quote";
import { useCreateGatewayOrder } from "@/lib/client/hooks/use-create-gateway-order";
import { useExecuteGatewayOrder, type ExecuteProgress } from "@/lib/client/hooks/use-execute-gateway-order";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { ErrorState } from "@/components/ui/states";
import { DefiOrderStatus } from "./defi-order-status";
import { PayloadSummaries } from "./payload-summaries";

const CHAIN = "local";

/**
 * The DeFi tab of Trade: a market swap on the offline chain's pool. Quote as you type; create the
 * order (the server answers with the payloads to authorize); read each payload's summary; sign each
 * with the passkey (one prompt per payload); execute; follow the order to `complete` with its
 * transaction hashes. A buy is sized in USDC, a sell in the asset, as the Gateway requires.
 */
export function DefiTradePanel() {
  const [base, setBase] = useState<string>(DEFI_BASES[0]!);
  const [side, setSide] = useState<"buy" | "sell">("buy");
  const [qty, setQty] = useState("");
  const [slippage, setSlippage] = useState(String(DEFAULT_SLIPPAGE_BPS));
  const [created, setCreated] = useState<TCreatedOrder | null>(null);
  const [progress, setProgress] = useState<ExecuteProgress | null>(null);
  const create = useCreateGatewayOrder();
  const execute = useExecuteGatewayOrder(setProgress);

  const unit = side === "buy" ? "quote" : "base";
  const unitSymbol = side === "buy" ? DEFI_QUOTE : base;
  const amount = parseDecimal(qty);
  const validQty = amount !== null && amount.gt(0);
  const slippageBps = Number(slippage);
  const validSlippage = /^\d+$/.test(slippage) && slippageBps <= 5_000;
  const quoteRequest: TQuoteRequest | null = useMemo(
    () =>
      validQty
        ? { base_asset: base, quote_asset: DEFI_QUOTE, qty: qty.trim(), qty_unit: unit, side, chain: CHAIN }
        : null,
    [validQty, base, qty, unit, side],
  );
  const quote = useGatewayQuote(created ? null : quoteRequest);
  const createError = create.error instanceof ApiError ? create.error : null;

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    if (!validQty || !validSlippage) return;
    execute.reset();
    setProgress(null);
    try {
      setCreated(
        await create.mutateAsync({
          base_asset: base,
          quote_asset: DEFI_QUOTE,
          qty: qty.trim(),
          qty_unit: unit,
          type: "market",
          side,
          chain: CHAIN,
          slippage_bps: slippageBps,
        }),
      );
    } catch {
      // shown below from create.error
    }
  }

  function startOver() {
    setCreated(null);
    setProgress(null);
    create.reset();
    execute.reset();
  }

  const executed = execute.isSuccess;
  return (
    <Panel title="DeFi swap (local chain)">
      {!created ? (
        <form onSubmit={onCreate} className="flex flex-col gap-4" aria-label="DeFi order">
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              label="Asset"
              value={base}
              onChange={(event) => setBase(event.target.value)}
              className="w-32"
            >
              {DEFI_BASES.map((symbol) => (
                <option key={symbol} value={symbol}>
                  {symbol}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Side"
              value={side}
              onChange={(event) => setSide(event.target.value as "buy" | "sell")}
              className="w-28"
            >
              <option value="buy">Buy</option>
              <option value="sell">Sell</option>
            </SelectField>
            <TextField
              label={`Amount (${unitSymbol})`}
              inputMode="decimal"
              value={qty}
              onChange={(event) => setQty(event.target.value)}
              placeholder={side === "buy" ? "1000" : "0.5"}
              className="w-44"
              error={qty !== "" && !validQty ? "Enter a positive amount" : undefined}
              required
            />
            <TextField
              label="Slippage (bps)"
              inputMode="numeric"
              value={slippage}
              onChange={(event) => setSlippage(event.target.value)}
              className="w-32"
              error={validSlippage ? undefined : "0 to 5000"}
            />
            <Button
              type="submit"
              variant="primary"
              disabled={!validQty || !validSlippage || create.isPending}
            >
              {create.isPending ? "Creating…" : "Review order"}
            </Button>
          </div>
          <p className="text-sm text-muted" aria-live="polite" data-testid="defi-quote">
            {quote.data
              ? side === "buy"
                ? `≈ ${quote.data.qty} ${base} at ${quote.data.price} ${DEFI_QUOTE}/${base} (pool fee included)`
                : `≈ ${quote.data.qty} ${DEFI_QUOTE} at ${quote.data.price} ${DEFI_QUOTE}/${base} (pool fee included)`
              : quote.error
                ? quote.error.message
                : "Enter an amount for a quote."}
          </p>
          {createError ? <ErrorState error={createError} /> : null}
        </form>
      ) : (
        <div className="flex flex-col gap-4">
          <PayloadSummaries
            payloads={created.payloads ?? []}
            signed={executed ? (created.payloads ?? []).length : (progress?.signed ?? 0)}
          />
          {!executed ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button
                variant="primary"
                disabled={execute.isPending}
                onClick={() =>
                  execute.mutate({ orderId: created.order_id, payloads: created.payloads ?? [] })
                }
              >
                {execute.isPending
                  ? progress && progress.signed < progress.of
                    ? `Signing ${progress.signed + 1} of ${progress.of}…`
                    : "Executing…"
                  : "Sign with passkey and execute"}
              </Button>
              <Button variant="ghost" onClick={startOver} disabled={execute.isPending}>
                Cancel
              </Button>
            </div>
          ) : null}
          {execute.error ? <ErrorState error={execute.error} /> : null}
          {executed || execute.error ? <DefiOrderStatus orderId={created.order_id} /> : null}
          {executed ? (
            <div>
              <Button onClick={startOver}>New swap</Button>
            </div>
          ) : null}
        </div>
      )}
    </Panel>
  );
}
