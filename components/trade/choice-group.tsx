"use client";

import { useId } from "react";

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Classes of the choice while selected (e.g. buy green, sell red). */
  selectedClassName?: string;
}

/**
 * A labelled group of radio buttons drawn as a segmented control: native radios, so arrow keys move
 * the choice and each option is a radio named by its label.
 */
export function ChoiceGroup<T extends string>({
  legend,
  choices,
  value,
  onChange,
  error,
}: {
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  error?: string;
}) {
  const name = useId();
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="mb-1 text-xs font-medium text-muted">{legend}</legend>
      <div className="grid auto-cols-fr grid-flow-col gap-1 rounded-md border border-border bg-panel-2 p-0.5">
        {choices.map((choice) => {
          const selected = choice.value === value;
          return (
            <label
              key={choice.value}
              className={`flex h-8 cursor-pointer items-center justify-center rounded px-2 text-sm font-medium transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
                selected
                  ? (choice.selectedClassName ?? "bg-panel text-fg shadow-sm")
                  : "text-muted hover:text-fg"
              }`}
            >
              <input
                type="radio"
                className="sr-only"
                name={name}
                value={choice.value}
                checked={selected}
                onChange={() => onChange(choice.value)}
              />
              {choice.label}
            </label>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
