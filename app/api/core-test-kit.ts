import { vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { Engine } from "@/lib/server/engine/engine";
import { POST as submitRoute } from "./orders/route";

/**
 * Shared by the Core Order API's tests: a user with a funded paper account, an order submitted
 * through POST /api/orders/, and time under the test's control — Date is faked (timers are not), so
 * route handlers, services and explicit-clock engine ticks all see the same instant.
 */

/** 2026-11-02 14:00 UTC, a weekday afternoon: the simulated market is busy. */
export const T0 = Date.UTC(2026, 10, 2, 14, 0, 0);

let clock = T0;

/** Fake Date (only Date) and set it to `at`. */
export function useClock(at = T0): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  setClock(at);
}

export function setClock(at: number): void {
  clock = at;
  vi.setSystemTime(at);
}

export const now = (): number => clock;

/** A TWAP buy of 0.1 BTC over 2 minutes on the paper account, with `overrides`. */
export const twapBody = (overrides: Record<string, unknown> = {}) => ({
  pair: "BTC-USDT",
  side: "buy",
  accounts: ["paper"],
  strategy: "TWAP",
  duration: 120,
  base_asset_qty: "0.1",
  ...overrides,
});

/** Submit through the route; fails the test unless it is a 201. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
export async function submit(token: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const response = await call(submitRoute, { method: "POST", token, body: twapBody(overrides) });
  if (response.status !== 201)
    throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function trader() {
  return createTestUser();
}

/** An engine whose ticks follow the faked clock: each tick moves it `stepMs` on. */
export function engineOnClock(workerId: string) {
  const engine = new Engine({ workerId, clock: () => clock });
  return {
    engine,
    /** Tick `count` times, `stepMs` apart, starting one step after now. */
    async run(count: number, stepMs = 1000) {
      for (let i = 0; i < count; i++) {
        setClock(clock + stepMs);
        await engine.tick(clock);
      }
    },
  };
}
