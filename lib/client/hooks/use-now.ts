"use client";

import { useSyncExternalStore } from "react";

/**
 * The wall clock, ticking once a second, shared by every subscriber (one timer for a thousand
 * "time left" cells; only those cells re-render on a tick, not their rows or table).
 */
let now = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// A stable snapshot between ticks (React compares consecutive reads); subscribe() refreshes it.
const read = () => {
  if (now === 0) now = Date.now();
  return now;
};

/** Epoch ms, updated every second; null during the server render (times are shown after hydration). */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
