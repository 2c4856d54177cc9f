"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;

const subscribe = (onChange: () => void) => {
  const timer = setInterval(onChange, 15_000);
  return () => clearInterval(timer);
};
const minute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The current time rounded down to the minute (epoch ms), updated as minutes pass: a stable "now"
 * for query keys and previews that need not change every render. 0 on the server.
 */
export function useMinuteClock(): number {
  return useSyncExternalStore(subscribe, minute, () => 0);
}
