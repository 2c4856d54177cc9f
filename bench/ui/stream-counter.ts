// Listens to GET /api/stream as the bench user (the same events the browser receives) and keeps the
// arrival time of each event by type, so event rates are measured, not assumed.
export interface StreamCounter {
  /** Events of `type` per second within [from, to) (epoch ms). */
  rate: (type: string, from: number, to: number) => number;
  count: (type: string, from: number, to: number) => number;
  close: () => void;
}

export async function countStream(baseUrl: string, token: string): Promise<StreamCounter> {
  const controller = new AbortController();
  const times = new Map<string, number[]>();
  const response = await fetch(`${baseUrl}/api/stream`, {
    headers: { Authorization: `Token ${token}`, Accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`GET /api/stream answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(message)?.[1];
          if (!name) continue;
          const list = times.get(name) ?? [];
          list.push(Date.now());
          times.set(name, list);
        }
      }
    } catch {
      // closed
    }
  })();
  const count = (type: string, from: number, to: number) =>
    (times.get(type) ?? []).filter((time) => time >= from && time < to).length;
  return {
    count,
    rate: (type, from, to) => count(type, from, to) / ((to - from) / 1000),
    close: () => controller.abort(),
  };
}
