import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getStreamStatus } from "./connection";
import { SILENCE_LIMIT_MS, startLiveStream } from "./live-stream";

/** A stand-in for the browser's EventSource: records listeners so the test can play the server. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: { data: string }) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: (event: { data: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  emit(name: string, data = "{}") {
    for (const listener of this.listeners.get(name) ?? []) listener({ data });
  }
  close() {
    this.closed = true;
  }
}

describe("live stream connection", () => {
  let stop: (() => void) | null = null;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.opened = [];
    vi.stubGlobal("EventSource", FakeEventSource);
    vi.stubGlobal("window", { addEventListener: () => {}, removeEventListener: () => {} });
    vi.stubGlobal("document", { hidden: true });
    vi.stubGlobal("navigator", { onLine: true });
  });

  afterEach(() => {
    stop?.();
    stop = null;
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("keeps a quiet stream that still sends heartbeats", () => {
    stop = startLiveStream(new QueryClient());
    const first = FakeEventSource.opened[0]!;
    first.emit("ready");
    expect(getStreamStatus()).toBe("live");
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(15_000);
      first.emit("heartbeat", String(Date.now()));
    }
    expect(first.closed).toBe(false);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(getStreamStatus()).toBe("live");
  });

  it("replaces a stream that goes silent without an error, then goes live again", () => {
    stop = startLiveStream(new QueryClient());
    const first = FakeEventSource.opened[0]!;
    first.emit("ready");
    vi.advanceTimersByTime(SILENCE_LIMIT_MS + 5_000);
    expect(first.closed).toBe(true);
    expect(getStreamStatus()).toBe("reconnecting");
    vi.advanceTimersByTime(1_500); // first backoff is 0.8–1.2 s
    expect(FakeEventSource.opened).toHaveLength(2);
    FakeEventSource.opened[1]!.emit("ready");
    expect(getStreamStatus()).toBe("live");
  });

  it("counts order events as signs of life", () => {
    stop = startLiveStream(new QueryClient());
    const first = FakeEventSource.opened[0]!;
    first.emit("ready");
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(20_000);
      first.emit("fill", JSON.stringify({ order_id: "x", fill: {} }));
    }
    expect(first.closed).toBe(false);
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it("opens nothing more once stopped", () => {
    stop = startLiveStream(new QueryClient());
    stop();
    stop = null;
    vi.advanceTimersByTime(10 * SILENCE_LIMIT_MS);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(FakeEventSource.opened[0]!.closed).toBe(true);
  });
});
