import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/domain/shared/errors";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { cancelOrder } from "@/lib/server/services/orders/cancel-order";
import type * as CancelModule from "@/lib/server/services/orders/cancel-order";
import type * as PauseModule from "@/lib/server/services/orders/pause-order";
import type * as ResumeModule from "@/lib/server/services/orders/resume-order";
import { pauseOrder } from "@/lib/server/services/orders/pause-order";
import { resumeOrder } from "@/lib/server/services/orders/resume-order";
import { POST as cancelAll } from "./route";
import { POST as pauseAll } from "../pause_all_orders/route";
import { POST as resumeAll } from "../resume_all_orders/route";
import { POST as pauseOne } from "../pause_order/route";
import { GET as getOrder } from "../order/[id]/route";
import { T0, setClock, submit, useClock } from "../core-test-kit";

// The real services, wrapped so a test can make one order refuse (a venue that times out).
vi.mock("@/lib/server/services/orders/cancel-order", async (original) => {
  const actual = await original<typeof CancelModule>();
  return { ...actual, cancelOrder: vi.fn(actual.cancelOrder) };
});
vi.mock("@/lib/server/services/orders/pause-order", async (original) => {
  const actual = await original<typeof PauseModule>();
  return { ...actual, pauseOrder: vi.fn(actual.pauseOrder) };
});
vi.mock("@/lib/server/services/orders/resume-order", async (original) => {
  const actual = await original<typeof ResumeModule>();
  return { ...actual, resumeOrder: vi.fn(actual.resumeOrder) };
});
const timeout = async (): Promise<never> => {
  throw new AppError("unavailable", "Connection timeout while canceling placements");
};

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

let tick = 0;
/** Orders a second apart, so "oldest first" is well defined. */
async function place(token: string, overrides: Record<string, unknown> = {}) {
  setClock(T0 + ++tick * 1000);
  return submit(token, { duration: 600, ...overrides });
}
const statusOf = async (token: string, id: string) =>
  (await call(getOrder, { token, params: { id } })).body.status;
const post = (route: typeof cancelAll, token: string | undefined, path: string, body?: unknown) =>
  call(route, { method: "POST", token, path, body });

describe("[CORE] POST /api/cancel_all_orders/", () => {
  it("answers the seed's example with the documented account error, and cancels on an existing account", async () => {
    const { token } = await createTestUser();
    const active = await place(token);
    const scheduled = await place(token, { start_datetime: new Date(T0 + 3_600_000).toISOString() });
    const paused = await place(token);
    await call(pauseOne, { method: "POST", token, body: { order_id: paused.id } });

    const seed = await post(cancelAll, token, "/api/cancel_all_orders/?exclude_paused=true", {
      account_names: "binance_main,coinbase_pro",
    });
    expect([seed.status, seed.body]).toEqual([
      400,
      {
        message:
          "No active orders to cancel. Failed to fetch accounts: ['Account not found: binance_main', 'Account not found: coinbase_pro']",
      },
    ]);
    expect(await statusOf(token, active.id)).toBe("ACTIVE");

    const adapted = await post(cancelAll, token, "/api/cancel_all_orders/?exclude_paused=true", {
      account_names: "paper",
    });
    expect([adapted.status, adapted.body]).toEqual([200, { message: "Successfully canceled all orders." }]);
    expect(await statusOf(token, active.id)).toBe("CANCELED");
    expect(await statusOf(token, scheduled.id)).toBe("CANCELED");
    expect(await statusOf(token, paused.id)).toBe("PAUSED");

    // By default paused orders stay; exclude_paused=false takes them too. No body is fine.
    const withPaused = await post(cancelAll, token, "/api/cancel_all_orders/?exclude_paused=false");
    expect([withPaused.status, withPaused.body]).toEqual([
      200,
      { message: "Successfully canceled all orders." },
    ]);
    expect(await statusOf(token, paused.id)).toBe("CANCELED");
    const nothingLeft = await post(cancelAll, token, "/api/cancel_all_orders/");
    expect([nothingLeft.status, nothingLeft.body]).toEqual([
      200,
      { message: "Successfully canceled all orders." },
    ]);
  });

  it("reports partial failures and unknown accounts with the documented 422", async () => {
    const { token } = await createTestUser();
    const first = await place(token);
    const second = await place(token);
    const mixed = await post(cancelAll, token, "/api/cancel_all_orders/", {
      account_names: ["paper", "bad_account"],
    });
    expect([mixed.status, mixed.body]).toEqual([
      422,
      {
        error:
          "Canceled 2 orders with 0 failures: [] Failed to fetch accounts: ['Account not found: bad_account']",
      },
    ]);
    expect(await statusOf(token, first.id)).toBe("CANCELED");

    const third = await place(token);
    const fourth = await place(token);
    vi.mocked(cancelOrder).mockImplementationOnce(timeout);
    const partial = await post(cancelAll, token, "/api/cancel_all_orders/");
    expect([partial.status, partial.body]).toEqual([
      422,
      { error: `Canceled 1 orders with 1 failures: ['Failed to cancel order ${third.id}']` },
    ]);
    expect(await statusOf(token, third.id)).toBe("ACTIVE");
    expect(await statusOf(token, fourth.id)).toBe("CANCELED");
    expect(await statusOf(token, second.id)).toBe("CANCELED");
  });

  it("touches only the caller's orders, and refuses a malformed account list", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const order = await place(alice.token);
    const bobs = await post(cancelAll, bob.token, "/api/cancel_all_orders/", { account_names: "paper" });
    expect([bobs.status, bobs.body]).toEqual([200, { message: "Successfully canceled all orders." }]);
    expect(await statusOf(alice.token, order.id)).toBe("ACTIVE");
    const malformed = await post(cancelAll, alice.token, "/api/cancel_all_orders/", { account_names: 7 });
    expect([malformed.status, malformed.body]).toEqual([
      400,
      { message: "account_names must be a comma-separated string" },
    ]);
    const badFlag = await post(cancelAll, alice.token, "/api/cancel_all_orders/?exclude_paused=maybe");
    expect([badFlag.status, badFlag.body]).toEqual([
      400,
      { message: "exclude_paused must be true or false" },
    ]);
  });
});

describe("[CORE] POST /api/pause_all_orders/ and /api/resume_all_orders/", () => {
  it("pauses every active order and resumes every paused one, with the documented answers", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const a = await place(alice.token);
    const b = await place(alice.token);
    const scheduled = await place(alice.token, { start_datetime: new Date(T0 + 3_600_000).toISOString() });
    const bobs = await place(bob.token);

    const paused = await post(pauseAll, alice.token, "/api/pause_all_orders/");
    expect([paused.status, paused.body]).toEqual([200, { message: "Successfully paused all orders." }]);
    expect([await statusOf(alice.token, a.id), await statusOf(alice.token, b.id)]).toEqual([
      "PAUSED",
      "PAUSED",
    ]);
    expect(await statusOf(alice.token, scheduled.id)).toBe("SCHEDULED");
    expect(await statusOf(bob.token, bobs.id)).toBe("ACTIVE");
    const noneActive = await post(pauseAll, alice.token, "/api/pause_all_orders/");
    expect([noneActive.status, noneActive.body]).toEqual([400, { message: "No active orders to pause." }]);

    const resumed = await post(resumeAll, alice.token, "/api/resume_all_orders/");
    expect([resumed.status, resumed.body]).toEqual([200, { message: "Successfully resumed all orders." }]);
    expect([await statusOf(alice.token, a.id), await statusOf(alice.token, b.id)]).toEqual([
      "ACTIVE",
      "ACTIVE",
    ]);
    const nonePaused = await post(resumeAll, alice.token, "/api/resume_all_orders/");
    expect([nonePaused.status, nonePaused.body]).toEqual([400, { message: "No paused orders to resume." }]);
    const unknownAccount = await post(pauseAll, alice.token, "/api/pause_all_orders/", {
      account_names: "bad_account",
    });
    expect([unknownAccount.status, unknownAccount.body]).toEqual([
      400,
      { message: "No active orders to pause. Failed to fetch accounts: ['Account not found: bad_account']" },
    ]);
  });

  it("reports partial failures with counts and the failed order ids", async () => {
    const { token } = await createTestUser();
    const first = await place(token);
    const second = await place(token);
    vi.mocked(pauseOrder).mockImplementationOnce(timeout);
    const paused = await post(pauseAll, token, "/api/pause_all_orders/");
    expect([paused.status, paused.body]).toEqual([
      422,
      { error: `Paused 1 orders with 1 failures: ['${first.id}']` },
    ]);
    expect(await statusOf(token, second.id)).toBe("PAUSED");

    await call(pauseOne, { method: "POST", token, body: { order_id: first.id } });
    vi.mocked(resumeOrder).mockImplementationOnce(timeout);
    const resumed = await post(resumeAll, token, "/api/resume_all_orders/");
    expect([resumed.status, resumed.body]).toEqual([
      422,
      { error: `Resumed 1 orders with 1 failures: ['${first.id}']` },
    ]);
    expect(await statusOf(token, first.id)).toBe("PAUSED");
    expect(await statusOf(token, second.id)).toBe("ACTIVE");
  });

  it("answers missing credentials as documented for these endpoints", async () => {
    for (const route of [pauseAll, resumeAll]) {
      const response = await post(route, undefined, "/api/pause_all_orders/");
      expect([response.status, response.body]).toEqual([401, { error: "Unauthorized" }]);
    }
    const cancel = await post(cancelAll, undefined, "/api/cancel_all_orders/");
    expect([cancel.status, cancel.body]).toEqual([
      401,
      { detail: "Authentication credentials were not provided." },
    ]);
  });
});
