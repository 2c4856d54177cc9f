"use client";

import { useState, type FormEvent } from "react";
import type { TCoreOrderDetail } from "@/lib/contracts/core/orders";
import { ApiError } from "@/lib/client/api";
import { useAmendOrder, type AmendChanges } from "@/lib/client/hooks/use-amend-order";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Dialog } from "@/components/orders/dialog";
import { formatQty } from "@/components/orders/format";

type Field = "qty" | "duration" | "pov_target" | "limit_price";

/**
 * Where the server's amend errors belong. It answers `{"error": "changes.duration: …; changes.x: …"}`
 * (and the documented sentences for the limit price and for both quantities); anything not about
 * one field is shown above the buttons.
 */
export function amendErrors(error: unknown): { fields: Partial<Record<Field, string>>; form: string | null } {
  if (!(error instanceof ApiError))
    return { fields: {}, form: error instanceof Error ? error.message : null };
  const fields: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  for (const part of error.message.split("; ")) {
    const match = /^changes\.(\w+): (.*)$/.exec(part);
    const name = match?.[1];
    if (name === "base_asset_qty" || name === "quote_asset_qty") fields.qty ??= match![2]!;
    else if (name === "duration" || name === "pov_target" || name === "limit_price")
      fields[name] ??= match![2]!;
    else if (/^Limit price\b/.test(part)) fields.limit_price ??= part;
    else if (/both base_asset_qty and quote_asset_qty/.test(part)) fields.qty ??= part;
    else rest.push(part.replace(/^changes: /, ""));
  }
  return { fields, form: rest.length > 0 ? rest.join("; ") : null };
}

const textOf = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/** Change an order's quantity, duration, POV target or limit price, with the rules' errors beside each field. */
export function AmendDialog({
  order,
  open,
  onClose,
}: {
  order: TCoreOrderDetail;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Amend order"
      description="Only the fields you change are sent. A new quantity or duration must stay at least 5% above what is executed or elapsed, and nothing can change in the last 15 seconds."
    >
      <AmendForm order={order} onDone={onClose} />
    </Dialog>
  );
}

function AmendForm({ order, onDone }: { order: TCoreOrderDetail; onDone: () => void }) {
  const amend = useAmendOrder(order.id);
  const quote = order.pair.slice(order.pair.lastIndexOf("-") + 1);
  const qtyField = order.target_token === quote ? "quote_asset_qty" : "base_asset_qty";
  const initial = {
    qty: textOf(order.target_order_qty),
    duration: textOf(order.duration),
    pov_target: textOf(order.pov_target),
    limit_price: order.limit_price,
  };
  const [values, setValues] = useState(initial);
  const [clearLimit, setClearLimit] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const isPov = order.pov_target !== null;
  const errors = amend.isError ? amendErrors(amend.error) : { fields: {}, form: null };

  const set = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setLocal(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: AmendChanges = {};
    if (values.qty.trim() !== initial.qty) changes[qtyField] = values.qty.trim();
    if (values.duration.trim() !== initial.duration) {
      const seconds = Number(values.duration.trim());
      // Sent as typed when it is not a whole number: the server's message says what it needs.
      changes.duration = Number.isInteger(seconds) ? seconds : (values.duration.trim() as unknown as number);
    }
    if (isPov && values.pov_target.trim() !== initial.pov_target)
      changes.pov_target = values.pov_target.trim();
    if (clearLimit) changes.limit_price = null;
    else if (values.limit_price.trim() !== initial.limit_price)
      changes.limit_price = values.limit_price.trim();
    if (Object.keys(changes).length === 0) {
      setLocal("Change at least one field.");
      return;
    }
    amend.mutate(changes, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <TextField
        label={`Target quantity (${order.target_token})`}
        inputMode="decimal"
        value={values.qty}
        onChange={set("qty")}
        error={errors.fields.qty}
        hint={`Executed so far: ${formatQty(order.executed_qty)} ${order.target_token}`}
      />
      <TextField
        label="Duration (seconds)"
        inputMode="numeric"
        value={values.duration}
        onChange={set("duration")}
        error={errors.fields.duration}
        hint="Counted from the order's start."
      />
      {isPov ? (
        <TextField
          label="POV target (0–1)"
          inputMode="decimal"
          value={values.pov_target}
          onChange={set("pov_target")}
          error={errors.fields.pov_target}
        />
      ) : null}
      <TextField
        label={`Limit price (${quote})`}
        inputMode="decimal"
        placeholder="No limit"
        value={clearLimit ? "" : values.limit_price}
        disabled={clearLimit}
        onChange={set("limit_price")}
        error={errors.fields.limit_price}
      />
      {order.limit_price !== "" ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-4 w-4 accent-[var(--accent)]"
            checked={clearLimit}
            onChange={(e) => setClearLimit(e.target.checked)}
          />
          Remove the limit price
        </label>
      ) : null}
      {local || errors.form ? (
        <p role="alert" className="text-sm text-danger">
          {local ?? errors.form}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onDone} disabled={amend.isPending}>
          Back
        </Button>
        <Button type="submit" variant="primary" disabled={amend.isPending}>
          {amend.isPending ? "Amending…" : "Amend order"}
        </Button>
      </div>
    </form>
  );
}
