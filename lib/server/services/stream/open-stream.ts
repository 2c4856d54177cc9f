import "server-only";
import { RFQ_DESK_AUDIENCE, subscribe, type TrancheEvent } from "../../events/bus";
import { streamMessage } from "../../surfaces/stream/serializers";

const HEARTBEAT_MS = 15_000;
/** Events that arrive together (one engine tick) go out in one write. */
const FLUSH_MS = 50;

/**
 * A Server-Sent Events stream of the user's order, placement and fill events (and, for takers, the
 * RFQ desk's order events). It says `ready` on connect (the browser refetches what it may have missed while away) and a `heartbeat` event every
 * 15 s, which keeps proxies from closing an idle stream and lets the browser tell a live but quiet
 * stream from a dead one (comments never reach EventSource listeners). It ends when the client goes
 * away.
 */
export async function openStream({
  userId,
  signal,
  release = () => undefined,
  rfqDesk = false,
}: {
  userId: string;
  signal: AbortSignal;
  /** Called once when the stream ends (frees its place under the stream limit). */
  release?: () => void;
  /** Also the RFQ desk's order events (callers with the taker scope). */
  rfqDesk?: boolean;
}): Promise<Response> {
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let flushTimer: NodeJS.Timeout | null = null;
  let pending: string[] = [];
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const flush = () => {
        flushTimer = null;
        if (pending.length === 0) return;
        const chunk = pending.join("");
        pending = [];
        send(chunk);
      };
      const close = () => {
        release();
        unsubscribe?.();
        unsubscribe = null;
        if (heartbeat) clearInterval(heartbeat);
        if (flushTimer) clearTimeout(flushTimer);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", close, { once: true });
      send(
        `retry: 3000\nevent: ready\ndata: ${JSON.stringify({ user_id: userId, at: new Date().toISOString() })}\n\n`,
      );
      const onEvent = (event: TrancheEvent) => {
        const message = streamMessage(event);
        pending.push(`event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
        flushTimer ??= setTimeout(flush, FLUSH_MS);
      };
      const own = await subscribe(userId, onEvent);
      const desk = rfqDesk ? await subscribe(RFQ_DESK_AUDIENCE, onEvent) : null;
      unsubscribe = () => {
        own();
        desk?.();
      };
      heartbeat = setInterval(() => send(`event: heartbeat\ndata: ${Date.now()}\n\n`), HEARTBEAT_MS);
    },
    cancel() {
      release();
      unsubscribe?.();
      if (heartbeat) clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
