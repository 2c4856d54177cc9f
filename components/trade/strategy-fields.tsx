"use client";

import type { ReactNode } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import {
  HINTS,
  clipTooSmall,
  outOfRange,
  uses,
  type DurationUnit,
  type FormField,
  type OrderFormState,
} from "./order-form-model";

type Update = <K extends keyof OrderFormState>(key: K, value: OrderFormState[K]) => void;

/** A hint that turns into a warning while the value is outside the documented range. */
function RangeHint({ warn, children }: { warn: boolean; children: ReactNode }) {
  return <span className={warn ? "text-warn" : undefined}>{warn ? `Outside ${children}` : children}</span>;
}

function Check({
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-0.5">
      <label className="flex items-center gap-2 text-sm" title={hint}>
        <input
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The parameters the chosen strategy uses, and only those, each with its API error beside it. */
export function StrategyFields({
  state,
  update,
  errors,
  quote,
}: {
  state: OrderFormState;
  update: Update;
  errors: Partial<Record<FormField, string>>;
  quote: string;
}) {
  const on = (param: Parameters<typeof uses>[1]) => uses(state, param);
  const checks = (["passiveOnly", "activeLimit", "oolPause", "strictDuration"] as const).filter(on);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">
        {state.strategy} parameters
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {on("duration") ? (
          <div className="flex items-start gap-2">
            <TextField
              label={state.strategy === "POV" ? "Duration (optional)" : "Duration"}
              className="flex-1"
              inputMode="decimal"
              value={state.duration}
              error={errors.duration}
              hint={state.strategy === "POV" ? "Empty: until filled" : "Seconds, minutes or hours"}
              onChange={(event) => update("duration", event.target.value)}
            />
            <SelectField
              label="Duration unit"
              className="w-28"
              value={state.durationUnit}
              onChange={(event) => update("durationUnit", event.target.value as DurationUnit)}
            >
              <option value="s">seconds</option>
              <option value="min">minutes</option>
              <option value="h">hours</option>
            </SelectField>
          </div>
        ) : null}
        {on("start") ? (
          <TextField
            label="Start time"
            type="datetime-local"
            step={1}
            value={state.start}
            error={errors.start}
            hint="Empty: start now (your local time)"
            onChange={(event) => update("start", event.target.value)}
          />
        ) : null}
        {on("limitPrice") ? (
          <TextField
            label={`Limit price (${quote})`}
            inputMode="decimal"
            value={state.limitPrice}
            error={errors.limitPrice}
            hint={
              state.strategy === "Limit"
                ? "Required: never trades through it"
                : "Optional: never trades through it"
            }
            onChange={(event) => update("limitPrice", event.target.value)}
          />
        ) : null}
        {on("limitPrice") ? (
          <div className="flex items-end pb-2">
            <Check
              label={
                state.side === "buy"
                  ? "Reverse limit (buy only at or above)"
                  : "Reverse limit (sell only at or below)"
              }
              hint="is_reverse_limit_price: the limit bounds the other way"
              checked={state.reverseLimit}
              error={errors.reverseLimit}
              onChange={(checked) => update("reverseLimit", checked)}
            />
          </div>
        ) : null}
        {on("passiveness") ? (
          <TextField
            label="Passiveness"
            inputMode="decimal"
            placeholder="0.02"
            value={state.passiveness}
            error={errors.passiveness}
            hint={
              <RangeHint warn={outOfRange("engine_passiveness", state.passiveness)}>
                {HINTS.passiveness}
              </RangeHint>
            }
            onChange={(event) => update("passiveness", event.target.value)}
          />
        ) : null}
        {on("discretion") ? (
          <TextField
            label="Schedule discretion"
            inputMode="decimal"
            placeholder="0.06"
            value={state.discretion}
            error={errors.discretion}
            hint={
              <RangeHint warn={outOfRange("schedule_discretion", state.discretion)}>
                {HINTS.discretion}
              </RangeHint>
            }
            onChange={(event) => update("discretion", event.target.value)}
          />
        ) : null}
        {on("alphaTilt") ? (
          <TextField
            label="Alpha tilt"
            inputMode="decimal"
            placeholder="0"
            value={state.alphaTilt}
            error={errors.alphaTilt}
            hint={<RangeHint warn={outOfRange("alpha_tilt", state.alphaTilt)}>{HINTS.alphaTilt}</RangeHint>}
            onChange={(event) => update("alphaTilt", event.target.value)}
          />
        ) : null}
        {on("povTarget") ? (
          <TextField
            label="POV target"
            inputMode="decimal"
            placeholder="0.1"
            value={state.povTarget}
            error={errors.povTarget}
            hint={<RangeHint warn={outOfRange("pov_target", state.povTarget)}>{HINTS.povTarget}</RangeHint>}
            onChange={(event) => update("povTarget", event.target.value)}
          />
        ) : null}
        {on("povLimit") ? (
          <TextField
            label="POV limit"
            inputMode="decimal"
            value={state.povLimit}
            error={errors.povLimit}
            hint={<RangeHint warn={outOfRange("pov_limit", state.povLimit)}>{HINTS.povLimit}</RangeHint>}
            onChange={(event) => update("povLimit", event.target.value)}
          />
        ) : null}
        {on("maxClip") ? (
          <TextField
            label={`Max clip size (${quote})`}
            inputMode="decimal"
            value={state.maxClip}
            error={errors.maxClip}
            hint={
              <RangeHint warn={clipTooSmall(state.maxClip)}>
                {state.strategy === "Iceberg" ? `Required. ${HINTS.maxClip}` : HINTS.maxClip}
              </RangeHint>
            }
            onChange={(event) => update("maxClip", event.target.value)}
          />
        ) : null}
        {on("condition") ? (
          <TextField
            label="Start condition"
            className="sm:col-span-2"
            spellCheck={false}
            value={state.condition}
            error={errors.condition}
            hint={HINTS.condition}
            onChange={(event) => update("condition", event.target.value)}
          />
        ) : null}
      </div>
      {checks.length > 0 ? (
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {on("passiveOnly") ? (
            <Check
              label="Passive only"
              hint="passive_only: never cross the spread"
              checked={state.passiveOnly}
              error={errors.passiveOnly}
              onChange={(checked) => update("passiveOnly", checked)}
            />
          ) : null}
          {on("activeLimit") ? (
            <Check
              label="Active limit"
              hint="active_limit: re-peg resting children to the touch"
              checked={state.activeLimit}
              error={errors.activeLimit}
              onChange={(checked) => update("activeLimit", checked)}
            />
          ) : null}
          {on("oolPause") ? (
            <Check
              label="Pause outside limit"
              hint="ool_pause: stop while the price is beyond the limit (needs a limit price)"
              checked={state.oolPause}
              error={errors.oolPause}
              onChange={(checked) => update("oolPause", checked)}
            />
          ) : null}
          {on("strictDuration") ? (
            <Check
              label="Strict duration"
              hint="strict_duration: no catch-up crossing at the end"
              checked={state.strictDuration}
              error={errors.strictDuration}
              onChange={(checked) => update("strictDuration", checked)}
            />
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
