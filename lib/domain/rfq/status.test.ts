import { describe, expect, it } from "vitest";
import { effectiveStatus, type RfqStatusFacts } from "./status";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const order = (patch: Partial<RfqStatusFacts>): RfqStatusFacts => ({
  status: "pending",
  deadline: BigInt(NOW / 1000 + 3600),
  lockExpiresAt: null,
  fillingTxHash: null,
  ...patch,
});

describe("effectiveStatus", () => {
  it.each<[string, Partial<RfqStatusFacts>, string]>([
    ["an open order before its deadline", {}, "pending"],
    ["a lock that still runs", { status: "locked", lockExpiresAt: new Date(NOW + 1) }, "locked"],
    ["a lock that ran out", { status: "locked", lockExpiresAt: new Date(NOW) }, "pending"],
    ["a pending order at its deadline", { deadline: BigInt(NOW / 1000) }, "expired"],
    [
      "a locked order past its deadline",
      { status: "locked", lockExpiresAt: new Date(NOW + 9e6), deadline: 1n },
      "expired",
    ],
    [
      "a fill in flight past the lock and deadline",
      { status: "locked", lockExpiresAt: new Date(0), deadline: 1n, fillingTxHash: "0x1" },
      "locked",
    ],
    ["a final status past its deadline", { status: "partially_filled", deadline: 1n }, "partially_filled"],
    ["a suspended order past its deadline", { status: "suspended", deadline: 1n }, "suspended"],
  ])("%s", (_, patch, expected) => {
    expect(effectiveStatus(order(patch), NOW)).toBe(expected);
  });
});
