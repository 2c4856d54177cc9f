"use client";

import { useSyncExternalStore } from "react";
import { getStreamStatus, subscribeStreamStatus, type StreamStatus } from "./connection";

/** The live stream's connection state (server render: connecting). */
export function useStreamStatus(): StreamStatus {
  return useSyncExternalStore(subscribeStreamStatus, getStreamStatus, () => "connecting");
}
