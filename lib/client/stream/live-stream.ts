import type { QueryClient } from "@tanstack/react-query";
import { createBatchApplier, refreshAfterConnect } from "./apply-batch";
import { setStreamStatus } from "./connection";
import { collectBatch, type StreamBatch, type StreamMessage } from "./merge";

/**
 * The browser's one connection to GET /api/stream (Server-Sent Events) and what it does with it:
 *
 * - Events are parsed as they come and buffered; the buffer is applied to the React Query cache once
 *   per animation frame (or every 250 ms in a background tab, where frames stop), so 20 fills a
 *   second cost at most one render per frame however they arrive.
 * - `ready` starts every (re)connection: queries fetched before that connection was opened are
 *   refetched (events may have been missed while away), and the backoff resets.
 * - Reconnection is ours, not the browser's (EventSource gives up for good on an HTTP error and
 *   retries at a fixed pace otherwise): exponential backoff from 1 s to 30 s with jitter, and at once
 *   when the browser comes back online.
 * - A stream can die without an error (a proxy or a sleeping laptop drops the TCP connection and no
 *   FIN arrives): the server sends `heartbeat` every 15 s, and a connection that has said nothing
 *   for 45 s is closed and replaced as if it had failed.
 */

const EVENTS = ["order", "placement", "fill", "rfq_order"] as const;
const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** Background tabs get no animation frames: flush on a timer there. */
const HIDDEN_FLUSH_MS = 250;
/** Three missed server heartbeats (15 s apart) and the connection is taken for dead. */
export const SILENCE_LIMIT_MS = 45_000;
const WATCHDOG_MS = 5_000;

type BatchListener = (batch: StreamBatch) => void;
const batchListeners = new Set<BatchListener>();

/** Be told of each batch after it is in the cache (for views that keep their own derived state). */
export function subscribeStreamBatches(listener: BatchListener): () => void {
  batchListeners.add(listener);
  return () => batchListeners.delete(listener);
}

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Open the stream for the signed-in user; returns the function that closes it for good. */
export function startLiveStream(client: QueryClient, { url = "/api/stream" }: { url?: string } = {}) {
  const applier = createBatchApplier(client);
  let source: EventSource | null = null;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let buffer: StreamMessage[] = [];
  let frame: number | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let lastHeardAt = Date.now();
  const heard = () => {
    lastHeardAt = Date.now();
  };

  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (flushTimer !== null) clearTimeout(flushTimer);
    frame = null;
    flushTimer = null;
    if (buffer.length === 0) return;
    const messages = buffer;
    buffer = [];
    const batch = collectBatch(messages);
    applier.apply(batch);
    for (const listener of batchListeners) listener(batch);
  };

  const scheduleFlush = () => {
    if (frame !== null || flushTimer !== null) return;
    // Whichever comes first: the next frame, or the timer (frames pause in hidden tabs).
    if (!document.hidden) frame = requestAnimationFrame(flush);
    flushTimer = setTimeout(flush, HIDDEN_FLUSH_MS);
  };

  const receive = (event: (typeof EVENTS)[number], raw: string) => {
    heard();
    try {
      buffer.push({ event, data: JSON.parse(raw) } as StreamMessage);
    } catch {
      return; // a malformed event is dropped; the next `ready` refetch repairs what it would have said
    }
    scheduleFlush();
  };

  const connect = () => {
    retryTimer = null;
    if (stopped) return;
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    // What was fetched once this connection was under way is as fresh as its events; older data
    // may have missed some, and is refetched when the server says `ready`.
    const openedAt = Date.now();
    heard();
    es.addEventListener("heartbeat", heard);
    es.addEventListener("ready", () => {
      heard();
      attempt = 0;
      setStreamStatus("live");
      refreshAfterConnect(client, openedAt);
    });
    for (const name of EVENTS)
      es.addEventListener(name, (event) => receive(name, (event as MessageEvent<string>).data));
    es.onerror = () => drop(es);
  };

  /** Give up on this connection (it failed, or went silent) and schedule the next one. */
  const drop = (es: EventSource) => {
    if (stopped || source !== es) return;
    es.close();
    source = null;
    flush();
    scheduleReconnect();
  };

  const watchdog = setInterval(() => {
    if (source && Date.now() - lastHeardAt > SILENCE_LIMIT_MS) drop(source);
  }, WATCHDOG_MS);

  const scheduleReconnect = () => {
    if (retryTimer !== null || stopped) return;
    attempt++;
    setStreamStatus(navigator.onLine === false ? "offline" : "reconnecting");
    retryTimer = setTimeout(connect, backoffDelay(attempt));
  };

  const onOnline = () => {
    if (source || stopped) return;
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    setStreamStatus("reconnecting");
    connect();
  };
  const onOffline = () => setStreamStatus("offline");

  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  setStreamStatus("connecting");
  connect();

  return () => {
    stopped = true;
    clearInterval(watchdog);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
    if (retryTimer !== null) clearTimeout(retryTimer);
    if (frame !== null) cancelAnimationFrame(frame);
    if (flushTimer !== null) clearTimeout(flushTimer);
    source?.close();
    source = null;
    applier.dispose();
  };
}
