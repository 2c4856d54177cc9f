/**
 * The live stream's connection state, as a tiny external store (useSyncExternalStore reads it):
 * - `connecting`: first connection under way;
 * - `live`: connected, the server said `ready`;
 * - `reconnecting`: the connection dropped; retrying with backoff;
 * - `offline`: the browser says it has no network; retrying when it comes back.
 */
export type StreamStatus = "connecting" | "live" | "reconnecting" | "offline";

let status: StreamStatus = "connecting";
const listeners = new Set<() => void>();

export const getStreamStatus = (): StreamStatus => status;

export function setStreamStatus(next: StreamStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeStreamStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
