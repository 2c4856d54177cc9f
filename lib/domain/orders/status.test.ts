import { describe, expect, it } from "vitest";
import { AppError } from "../shared/errors";
import {
  CANONICAL_STATUSES,
  assertAmendable,
  assertTransition,
  canTransition,
  initialStatus,
  isCanonicalStatus,
  isTerminal,
  isWorking,
  nextStatuses,
  planCancel,
  planPause,
  planResume,
  transitionReason,
  type CanonicalStatus,
} from "./status";

// The expected table, written out independently of the implementation: every allowed move.
const ALLOWED = new Set([
  "scheduled>active",
  "scheduled>canceled",
  "scheduled>cancel_pending",
  "scheduled>failed",
  "initialized>pending",
  "initialized>canceled",
  "initialized>cancel_pending",
  "initialized>failed",
  "pending>active",
  "pending>complete",
  "pending>cancel_pending",
  "pending>failed",
  "active>paused",
  "active>finishing",
  "active>complete",
  "active>cancel_pending",
  "active>failed",
  "paused>active",
  "paused>complete",
  "paused>cancel_pending",
  "paused>failed",
  "finishing>active",
  "finishing>complete",
  "finishing>cancel_pending",
  "finishing>failed",
  "cancel_pending>canceled",
  "cancel_pending>complete",
  "cancel_pending>failed",
]);

const PAIRS = CANONICAL_STATUSES.flatMap((from) => CANONICAL_STATUSES.map((to) => [from, to] as const));

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("transition table", () => {
  it.each(PAIRS)("%s → %s", (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertTransition(from, to)).not.toThrow();
      expect(transitionReason(from, to)).toMatch(/\S/);
    } else {
      const error = thrown(() => assertTransition(from, to));
      expect(error.code).toBe("invalid_state");
      expect(transitionReason(from, to)).toBeNull();
    }
  });

  it("lists exactly the moves of the table", () => {
    expect(PAIRS.filter(([from, to]) => canTransition(from, to)).length).toBe(ALLOWED.size);
  });

  it("has no way out of a terminal status", () => {
    for (const status of ["complete", "canceled", "failed"] as const)
      expect(nextStatuses(status)).toEqual([]);
  });

  it("reaches failed from every non-terminal status", () => {
    for (const status of CANONICAL_STATUSES.filter((s) => !isTerminal(s))) {
      expect(canTransition(status, "failed")).toBe(true);
    }
  });

  it("reaches a terminal status from every status", () => {
    const reachable = (from: CanonicalStatus, seen = new Set<CanonicalStatus>()): Set<CanonicalStatus> => {
      for (const to of nextStatuses(from)) if (!seen.has(to)) reachable(to, seen.add(to));
      return seen;
    };
    for (const status of CANONICAL_STATUSES.filter((s) => !isTerminal(s))) {
      expect([...reachable(status)].some(isTerminal)).toBe(true);
    }
  });

  it.each([
    ["finishing", "paused", undefined, "Cannot move an order from finishing to paused."],
    ["complete", "active", "resume", "Cannot resume an order that is complete."],
    ["canceled", "cancel_pending", "cancel", "Cannot cancel an order that is canceled."],
    ["failed", "paused", undefined, "Cannot move an order from failed to paused."],
    ["cancel_pending", "paused", "pause", "Cannot pause an order that is cancel pending."],
  ] as const)("%s → %s (%s) says %j", (from, to, action, message) => {
    if (canTransition(from, to)) return expect.fail("the pair should be illegal");
    const error = thrown(() => assertTransition(from, to, action));
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ status: from, target: to });
  });
});

describe("status sets", () => {
  it.each([
    ["scheduled", false, true],
    ["initialized", false, false],
    ["pending", false, true],
    ["active", false, true],
    ["paused", false, false],
    ["finishing", false, true],
    ["cancel_pending", false, true],
    ["complete", true, false],
    ["canceled", true, false],
    ["failed", true, false],
  ] as const)("%s: terminal %s, working %s", (status, terminal, working) => {
    expect(isTerminal(status)).toBe(terminal);
    expect(isWorking(status)).toBe(working);
  });

  it.each([
    ["active", true],
    ["cancel_pending", true],
    ["ACTIVE", false],
    ["finisher", false],
    [3, false],
    [null, false],
  ])("isCanonicalStatus(%j) = %s", (value, expected) => {
    expect(isCanonicalStatus(value)).toBe(expected);
  });

  it.each([
    [{ startTime: null, now: 1_000, hasCondition: false }, "active"],
    [{ startTime: 500, now: 1_000, hasCondition: false }, "active"],
    [{ startTime: 1_000, now: 1_000, hasCondition: false }, "active"],
    [{ startTime: 1_001, now: 1_000, hasCondition: false }, "scheduled"],
    [{ startTime: null, now: 1_000, hasCondition: true }, "scheduled"],
  ] as const)("initialStatus(%j) = %s", (options, expected) => {
    expect(initialStatus(options)).toBe(expected);
  });
});

describe("action guards", () => {
  it.each(CANONICAL_STATUSES)("pause from %s", (status) => {
    if (status === "active") return expect(planPause(status)).toBe("paused");
    const error = thrown(() => planPause(status));
    expect([error.code, error.message]).toEqual(["invalid_state", "Order is not running."]);
  });

  it.each(CANONICAL_STATUSES)("resume from %s", (status) => {
    if (status === "paused") return expect(planResume(status)).toBe("active");
    const error = thrown(() => planResume(status));
    expect([error.code, error.message]).toEqual(["invalid_state", "Order is not paused."]);
  });

  it.each([
    ["scheduled", { alreadyCanceled: false, next: "canceled" }],
    ["initialized", { alreadyCanceled: false, next: "canceled" }],
    ["pending", { alreadyCanceled: false, next: "cancel_pending" }],
    ["active", { alreadyCanceled: false, next: "cancel_pending" }],
    ["paused", { alreadyCanceled: false, next: "cancel_pending" }],
    ["finishing", { alreadyCanceled: false, next: "cancel_pending" }],
    ["cancel_pending", { alreadyCanceled: false, next: null }],
    ["canceled", { alreadyCanceled: true, next: null }],
  ] as const)("cancel from %s", (status, plan) => {
    expect(planCancel(status)).toEqual(plan);
    if (plan.next) expect(canTransition(status, plan.next)).toBe(true);
  });

  it.each(["complete", "failed"] as const)("cancel from %s is refused", (status) => {
    const error = thrown(() => planCancel(status));
    expect([error.code, error.message]).toEqual([
      "invalid_state",
      "Order is in a state that cannot be canceled",
    ]);
  });

  it("pause and resume targets are legal transitions", () => {
    expect(canTransition("active", planPause("active"))).toBe(true);
    expect(canTransition("paused", planResume("paused"))).toBe(true);
  });

  it.each([
    ["scheduled", true],
    ["active", true],
    ["paused", true],
    ["finishing", true],
    ["initialized", false],
    ["pending", false],
    ["cancel_pending", false],
    ["complete", false],
    ["canceled", false],
    ["failed", false],
  ] as const)("amend from %s allowed: %s", (status, allowed) => {
    if (allowed) expect(() => assertAmendable(status)).not.toThrow();
    else expect(thrown(() => assertAmendable(status)).code).toBe("invalid_state");
  });
});
