"use client";

import { SelectField } from "@/components/ui/field";

/** One filter of an orders table: a labelled select whose empty value means "all". */
export function FilterSelect({
  label,
  value,
  onChange,
  allLabel,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The option for "no filter" (value ""); omit when `options` carries its own. */
  allLabel?: string;
  /** Values, or [value, label] pairs. */
  options: readonly (string | readonly [string, string])[];
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} className="sm:w-40">
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      {options.map((option) => {
        const [optionValue, optionLabel] = typeof option === "string" ? [option, option] : option;
        return (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        );
      })}
    </SelectField>
  );
}
