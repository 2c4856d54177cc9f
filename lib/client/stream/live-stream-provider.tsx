"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { startLiveStream } from "./live-stream";

/**
 * Mounted once in the dashboard layout: keeps the signed-in user's event stream open for as long as
 * any dashboard page is shown, merging its events into the React Query cache.
 */
export function LiveStreamProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  useEffect(() => startLiveStream(client), [client]);
  return children;
}
