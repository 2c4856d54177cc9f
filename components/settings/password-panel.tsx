"use client";

import { useState, type FormEvent } from "react";
import { useChangePassword } from "@/lib/client/hooks/use-change-password";
import { ApiError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";

export function PasswordPanel() {
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await change.mutateAsync({ current_password: current, new_password: next });
      setCurrent("");
      setNext("");
    } catch {
      // shown beside the fields
    }
  }

  return (
    <Panel title="Password">
      <form onSubmit={onSubmit} aria-label="Change password" className="flex flex-wrap items-end gap-3">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          error={fieldErrors.current_password}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={next}
          error={fieldErrors.new_password}
          onChange={(e) => setNext(e.target.value)}
        />
        <Button type="submit" disabled={change.isPending}>
          Change password
        </Button>
        {change.isSuccess ? (
          <p role="status" className="text-sm text-buy">
            Password changed.
          </p>
        ) : null}
      </form>
    </Panel>
  );
}
