import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { createPaperAccount } from "@/lib/server/services/accounts/paper-account";
import { db } from "@/lib/server/db";
import { GET as listAccounts } from "./route";
import { GET as getBalances } from "../balances/route";
import { T0, engineOnClock, submit, useClock } from "../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const balances = (token: string, query = "") => call(getBalances, { token, path: `/api/balances/${query}` });

describe("[CORE] GET /api/accounts/ and /api/balances/", () => {
  it("lists only the caller's accounts", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const second = await createPaperAccount(await db(), alice.user.id, "paper-2");
    const mine = await call(listAccounts, { token: alice.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      accounts: [
        {
          id: alice.account.id,
          name: "paper",
          exchange: "sim",
          market_types: ["spot"],
          is_paper: true,
          created_at: new Date(T0).toISOString(),
        },
        {
          id: second.id,
          name: "paper-2",
          exchange: "sim",
          market_types: ["spot"],
          is_paper: true,
          created_at: new Date(T0).toISOString(),
        },
      ].sort((a, b) => (a.name === "paper" ? -1 : b.name === "paper" ? 1 : 0)),
    });
    const theirs = await call(listAccounts, { token: bob.token });
    expect(theirs.body.accounts.map((a: { id: string }) => a.id)).toEqual([bob.account.id]);
    const anonymous = await call(listAccounts, {});
    expect([anonymous.status, anonymous.body]).toEqual([
      401,
      { detail: "Authentication credentials were not provided." },
    ]);
  });

  it("shows balances by account name, valued at the venue's mid, and moves them with fills", async () => {
    const { token } = await createTestUser();
    const before = await balances(token);
    expect(before.status).toBe(200);
    expect(Object.keys(before.body)).toEqual(["paper"]);
    const paper = before.body.paper;
    expect(paper.exchange).toBe("sim");
    expect(paper.assets.map((a: { symbol: string }) => a.symbol)).toEqual(["BTC", "ETH", "SOL", "USDT"]);
    const usdt = paper.assets.find((a: { symbol: string }) => a.symbol === "USDT");
    expect(usdt).toMatchObject({
      size: 1000000,
      notional: 1000000,
      market_type: "spot",
      asset_type: "token",
      unrealized_profit: 0,
      initial_margin: 0,
      maint_margin: 0,
      margin_balance: 1000000,
      leverage: null,
    });
    const btc = paper.assets.find((a: { symbol: string }) => a.symbol === "BTC");
    expect(btc.size).toBe(10);
    expect(btc.notional).toBeGreaterThan(100_000);
    const shares = paper.assets.reduce(
      (sum: number, a: { notional_pct_total: number }) => sum + a.notional_pct_total,
      0,
    );
    expect(shares).toBeCloseTo(1, 4);

    await submit(token, { strategy: "Market", base_asset_qty: "0.5", duration: 60 });
    await engineOnClock("balances").run(2);
    const after = (await balances(token, "?account_names=paper&exchange_names=SIM")).body.paper.assets;
    expect(after.find((a: { symbol: string }) => a.symbol === "BTC").size).toBe(10.5);
    expect(after.find((a: { symbol: string }) => a.symbol === "USDT").size).toBeLessThan(
      1000000 - 0.5 * 10_000,
    );
  });

  it("filters by exchange, and answers an unknown account name with the documented 400", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    expect((await balances(alice.token, "?exchange_names=binance")).body).toEqual({});
    const unknown = await balances(alice.token, "?account_names=paper,binance_main");
    expect([unknown.status, unknown.body]).toEqual([
      400,
      { error: "Account display name 'binance_main' not found for user" },
    ]);
    // Bob's "paper" is his own account, never Alice's.
    const bobs = await balances(bob.token, "?account_names=paper");
    expect(Object.keys(bobs.body)).toEqual(["paper"]);
  });
});
