"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { TCoreSubmittedOrder } from "@/lib/contracts/core/orders";
import { ApiError } from "@/lib/client/api";
import { decimalsOf, formatDecimal } from "@/lib/client/format";
import { useAccounts } from "@/lib/client/hooks/use-accounts";
import { useMarketPairs } from "@/lib/client/hooks/use-market-pairs";
import { useMinuteClock } from "@/lib/client/hooks/use-minute-clock";
import { useSubmitOrder } from "@/lib/client/hooks/use-submit-order";
import { useTicker } from "@/lib/client/hooks/use-ticker";
import { useVolumeProfile } from "@/lib/client/hooks/use-volume-profile";
import type { StrategyName } from "@/lib/domain/orders/types";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { AccountPicker } from "./account-picker";
import { ChoiceGroup } from "./choice-group";
import {
  INITIAL_FORM,
  STRATEGY_HELP,
  STRATEGY_NAMES,
  buildSubmitBody,
  durationSeconds,
  formErrors,
  startTime,
  uses,
  type OrderFormState,
} from "./order-form-model";
import { OrderSummary, estimateOrder } from "./order-summary";
import { PairCombobox } from "./pair-combobox";
import { StrategyFields } from "./strategy-fields";
import { SubmittedOrder } from "./submitted-order";

/** The volume profile behind the preview covers at most the server's span (7 days). */
const MAX_PROFILE_MS = 7 * 24 * 3_600_000;
const PROFILE_BUCKETS = 30;

/**
 * Algorithmic order entry: the form on the left (tab order top to bottom, Enter submits, Esc clears
 * the API's errors), what the order amounts to on the right. The API validates; its field errors
 * show beside the fields they name.
 */
export function OrderEntry() {
  const accounts = useAccounts();
  const pairs = useMarketPairs();
  const submit = useSubmitOrder();
  const now = useMinuteClock();
  const formRef = useRef<HTMLFormElement>(null);
  // Accounts and pair start as "untouched": the default account and the first pair until chosen.
  const [form, setForm] = useState<
    Omit<OrderFormState, "accounts" | "pair"> & {
      accounts: string[] | null;
      pair: string | null;
    }
  >({ ...INITIAL_FORM, accounts: null, pair: null });
  const [created, setCreated] = useState<TCoreSubmittedOrder | null>(null);

  const state: OrderFormState = {
    ...form,
    accounts: form.accounts ?? (accounts.data?.accounts[0] ? [accounts.data.accounts[0].name] : []),
    pair: form.pair ?? pairs.data?.pairs[0]?.pair ?? "",
  };
  const update = <K extends keyof OrderFormState>(key: K, value: OrderFormState[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const pair = pairs.data?.pairs.find((candidate) => candidate.pair === state.pair);
  const ticker = useTicker(pair ? pair.pair : null);
  const seconds = uses(state, "duration") ? durationSeconds(state) : null;
  const start = startTime(state);
  const from = start === null || Number.isNaN(start) ? now : start;
  const wantsProfile = pair !== undefined && seconds !== null && seconds * 1000 <= MAX_PROFILE_MS && now > 0;
  const profile = useVolumeProfile(wantsProfile ? pair.pair : null, {
    from,
    to: from + (seconds ?? 0) * 1000,
    buckets: PROFILE_BUCKETS,
  });

  const apiError = submit.error instanceof ApiError ? submit.error : null;
  const errors = formErrors(apiError?.fieldErrors ?? {}, submit.error ? submit.error.message : null);
  const quote = pair?.quote ?? "quote";
  const base = pair?.base ?? "base";
  const estimate = estimateOrder(state, ticker.data?.mid ?? pair?.mid);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submit.isPending) return;
    setCreated(null);
    try {
      setCreated(await submit.mutateAsync(buildSubmitBody(state)));
    } catch {
      // The errors render beside their fields; the effect below moves focus to the first one.
    }
  }

  // After the render that shows a submit's errors, focus the first field at fault.
  useEffect(() => {
    if (!submit.error) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']:is(input, select)")?.focus();
  }, [submit.error]);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape" && !event.defaultPrevented && submit.error) submit.reset();
  }

  const otherAmount =
    state.unit === "base"
      ? estimate.notional && `≈ ${formatDecimal(estimate.notional, { maxDecimals: 2 })} ${quote}`
      : estimate.base &&
        `≈ ${formatDecimal(estimate.base, { maxDecimals: decimalsOf(pair?.size_step) })} ${base}`;

  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Panel title="Order">
        <form
          ref={formRef}
          aria-label="Order entry"
          noValidate
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          className="flex flex-col gap-4"
        >
          <AccountPicker
            accounts={accounts.data?.accounts}
            loading={accounts.isPending}
            loadError={accounts.error}
            onRetry={() => void accounts.refetch()}
            selected={state.accounts}
            onChange={(names) => update("accounts", names)}
            error={errors.byField.accounts}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <PairCombobox
              pairs={pairs.data?.pairs ?? []}
              loading={pairs.isPending}
              value={state.pair}
              onChange={(value) => update("pair", value)}
              error={errors.byField.pair ?? (pairs.error ? pairs.error.message : undefined)}
            />
            <ChoiceGroup
              legend="Side"
              value={state.side}
              onChange={(side) => update("side", side)}
              error={errors.byField.side}
              choices={[
                { value: "buy", label: "Buy", selectedClassName: "bg-buy text-white" },
                { value: "sell", label: "Sell", selectedClassName: "bg-sell text-white" },
              ]}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <ChoiceGroup
              legend="Size in"
              value={state.unit}
              onChange={(unit) => update("unit", unit)}
              choices={[
                { value: "base", label: base },
                { value: "quote", label: quote },
              ]}
            />
            <TextField
              label={`Quantity (${state.unit === "base" ? base : quote})`}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={state.qty}
              error={errors.byField.qty}
              hint={<span className="tabular">{otherAmount || "\u00a0"}</span>}
              onChange={(event) => update("qty", event.target.value)}
            />
          </div>
          <SelectField
            label="Strategy"
            value={state.strategy}
            error={errors.byField.strategy}
            onChange={(event) => update("strategy", event.target.value as StrategyName)}
          >
            {STRATEGY_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <p className="-mt-2 text-xs text-muted">{STRATEGY_HELP[state.strategy]}</p>
          <StrategyFields state={state} update={update} errors={errors.byField} quote={quote} />
          {errors.other.length > 0 ? (
            <div
              role="alert"
              className="rounded-md border border-danger/50 bg-danger/5 px-3 py-2 text-sm text-danger"
            >
              {errors.other.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          ) : null}
          {submit.error ? <p className="text-xs text-muted">Press Esc to clear the errors.</p> : null}
          <Button
            type="submit"
            variant="primary"
            disabled={submit.isPending}
            className={`h-10 ${state.side === "buy" ? "bg-buy! text-white!" : "bg-sell! text-white!"}`}
          >
            {submit.isPending ? "Placing order…" : "Place order"}
          </Button>
          {created ? <SubmittedOrder order={created} onDismiss={() => setCreated(null)} /> : null}
        </form>
      </Panel>
      <Panel title="Summary">
        <OrderSummary
          state={state}
          pair={pair}
          ticker={ticker.data}
          profile={wantsProfile ? profile.data : undefined}
        />
      </Panel>
    </div>
  );
}
