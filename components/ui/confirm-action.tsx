"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * A destructive action behind a second click: "Revoke" becomes "Confirm" / "Keep". Each button's
 * accessible name says what it acts on (`Revoke <subject>`, `Confirm revoke <subject>`).
 */
export function ConfirmAction({
  action,
  subject,
  pending = false,
  onConfirm,
}: {
  action: string;
  subject: string;
  pending?: boolean;
  onConfirm: (done: () => void) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="danger" aria-label={`${action} ${subject}`} onClick={() => setConfirming(true)}>
        {action}
      </Button>
    );
  }
  return (
    <span className="inline-flex gap-2">
      <Button
        variant="danger"
        aria-label={`Confirm ${action.toLowerCase()} ${subject}`}
        disabled={pending}
        onClick={() => onConfirm(() => setConfirming(false))}
      >
        Confirm
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </span>
  );
}
