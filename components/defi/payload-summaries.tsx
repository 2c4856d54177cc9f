"use client";

/**
 * What each payload asks the person to authorize, in order, read from the envelope the server
 * issued (the exact text that is stamped).
 */
interface Envelope {
  step: number;
  of: number;
  summary: string;
  expiresAt: string;
  from: string;
}

function readEnvelope(text: string): Envelope | null {
  try {
    const value = JSON.parse(text) as Partial<Envelope>;
    return typeof value.summary === "string" && typeof value.step === "number" ? (value as Envelope) : null;
  } catch {
    return null;
  }
}

export function PayloadSummaries({ payloads, signed = 0 }: { payloads: string[]; signed?: number }) {
  const envelopes = payloads.map(readEnvelope);
  const first = envelopes[0];
  return (
    <div className="flex flex-col gap-2">
      <ol className="flex flex-col gap-2" aria-label="Payloads to sign">
        {envelopes.map((envelope, index) => (
          <li
            key={index}
            className="flex items-center justify-between gap-3 rounded-md border border-border bg-panel-2 px-3 py-2 text-sm"
          >
            <span>
              <span className="mr-2 text-xs text-muted">
                {index + 1}/{payloads.length}
              </span>
              {envelope?.summary ?? "Unreadable payload"}
            </span>
            <span className="text-xs text-muted">{index < signed ? "signed" : "to sign"}</span>
          </li>
        ))}
      </ol>
      {first ? (
        <p className="text-xs text-muted">
          From <code className="font-mono">{first.from}</code> · valid until{" "}
          {new Date(first.expiresAt).toLocaleTimeString()}
        </p>
      ) : null}
    </div>
  );
}
