/**
 * What to tell a person when a WebAuthn ceremony fails in the browser. Browsers report a cancelled
 * or timed-out prompt, and an authenticator that cannot verify the user, as NotAllowedError.
 */
export function passkeyErrorMessage(error: unknown, action: string): string {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: unknown } | null)?.code;
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") {
    return `${action} was cancelled or timed out.`;
  }
  if (name === "InvalidStateError" || code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return "This authenticator already holds a passkey for this account.";
  }
  if (name === "NotSupportedError" || name === "SecurityError") {
    return `${action} is not available in this browser or on this address (use https or localhost).`;
  }
  return error instanceof Error && error.message ? error.message : `${action} failed.`;
}
