import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call, createTestUser } from "@/lib/server/testing/api-client";
import { POST as faucetRoute } from "@/app/api/ledger/faucet/route";
import { POST as quoteRoute } from "./quotes/route";
import { GET as balancesRoute } from "./balances/route";
import { bearer, custodialAddress } from "./gateway-test-kit";

const quote = (token: string, body: Record<string, unknown>) =>
  call(quoteRoute, { method: "POST", headers: bearer(token), body });

describe("[GATEWAY] quotes, balances and the offline chain's faucet", () => {
  it("the first start funds the admin's custodial address and seeds pools near the CeFi mids", async () => {
    const balances = await call(balancesRoute, { headers: bearer(ADMIN_TOKEN()) });
    expect(balances.status).toBe(200);
    const local = balances.body.data.filter((row: { custody: string }) => row.custody === "local");
    expect(local).toEqual([
      {
        symbol: "ETH",
        available: "50",
        total: "50",
        custody: "local",
        chain: "local",
        address: expect.any(String),
        account: null,
      },
      {
        symbol: "BTC",
        available: "2",
        total: "2",
        custody: "local",
        chain: "local",
        address: expect.any(String),
        account: null,
      },
      {
        symbol: "SOL",
        available: "1000",
        total: "1000",
        custody: "local",
        chain: "local",
        address: expect.any(String),
        account: null,
      },
      {
        symbol: "USDC",
        available: "250000",
        total: "250000",
        custody: "local",
        chain: "local",
        address: expect.any(String),
        account: null,
      },
    ]);
    const cefi = balances.body.data.filter((row: { custody: string }) => row.custody === "cefi");
    expect(cefi.map((row: { symbol: string }) => row.symbol).sort()).toEqual(["BTC", "ETH", "SOL", "USDT"]);
    expect(
      cefi.every((row: { account: string; chain: null }) => row.account === "paper" && row.chain === null),
    ).toBe(true);

    for (const base of ["ETH", "BTC", "SOL"]) {
      const body = { base_asset: base, quote_asset: "USDC", qty: "100", qty_unit: "quote", side: "buy" };
      const cefiQuote = await quote(ADMIN_TOKEN(), body);
      const defiQuote = await quote(ADMIN_TOKEN(), { ...body, chain: "local" });
      expect(cefiQuote.status).toBe(200);
      expect(defiQuote.status).toBe(200);
      // A small buy pays about the mid plus the fee on either venue: the pool's 0.3 % against 5 bps.
      const gap = Number(defiQuote.body.price) / Number(cefiQuote.body.price) - 1;
      expect(gap).toBeGreaterThan(0.001);
      expect(gap).toBeLessThan(0.006);
    }
  });

  it("quotes each side and unit: qty is the other side of the trade, price quote per base", async () => {
    const { token } = await createTestUser();
    const buyInQuote = await quote(token, {
      base_asset: "ETH",
      quote_asset: "USDC",
      qty: "3000",
      qty_unit: "quote",
      side: "buy",
      chain: "local",
    });
    const sellInBase = await quote(token, {
      base_asset: "ETH",
      quote_asset: "USDC",
      qty: "1",
      qty_unit: "base",
      side: "sell",
      chain: "local",
    });
    const buyInBase = await quote(token, {
      base_asset: "ETH",
      quote_asset: "USDC",
      qty: "1",
      qty_unit: "base",
      side: "buy",
      chain: "local",
    });
    expect(buyInQuote.body.qty_unit).toBe("base");
    expect(sellInBase.body.qty_unit).toBe("quote");
    expect(buyInBase.body.qty_unit).toBe("quote");
    // Buying is dearer than selling (fee and impact on both sides of the mid).
    expect(Number(buyInBase.body.price)).toBeGreaterThan(Number(sellInBase.body.price));
    expect(Number(buyInQuote.body.qty) * Number(buyInQuote.body.price)).toBeCloseTo(3000, 4);
    expect(Number(sellInBase.body.qty)).toBeCloseTo(Number(sellInBase.body.price), 4);

    const cefiSell = await quote(token, {
      base_asset: "BTC",
      quote_asset: "USDT",
      qty: "0.5",
      qty_unit: "base",
      side: "sell",
    });
    expect(cefiSell.status).toBe(200);
    expect(cefiSell.body).toEqual({ qty: expect.any(String), qty_unit: "quote", price: expect.any(String) });
    expect(Number(cefiSell.body.qty)).toBeCloseTo(0.5 * Number(cefiSell.body.price), 4);

    const tooPrecise = await quote(token, {
      base_asset: "ETH",
      quote_asset: "USDC",
      qty: "1.0000001",
      qty_unit: "quote",
      side: "buy",
      chain: "local",
    });
    expect(tooPrecise.status).toBe(400);
    expect(tooPrecise.body).toEqual({ message: 'qty: USDC has 6 decimals: "1.0000001" has more' });
    const unknownPair = await quote(token, {
      base_asset: "DOGE",
      quote_asset: "USDC",
      qty: "1",
      qty_unit: "base",
      side: "sell",
      chain: "local",
    });
    expect(unknownPair.status).toBe(400);
    expect(unknownPair.body.message).toBe(
      "DOGE/USDC has no pool on the local chain (pools: ETH/USDC, BTC/USDC, SOL/USDC).",
    );
  });

  it("the faucet mints to any address for admins (201 with the new balance), and only for admins", async () => {
    const { token } = await createTestUser();
    const address = await custodialAddress(token);
    const minted = await call(faucetRoute, {
      method: "POST",
      headers: bearer(ADMIN_TOKEN()),
      body: { address: address.toLowerCase(), asset: "usdc", amount: "1234.5" },
    });
    expect(minted.status).toBe(201);
    expect(minted.body).toEqual({
      chain: "local",
      address,
      asset: "USDC",
      amount: "1234.5",
      balance: "1234.5",
    });
    const again = await call(faucetRoute, {
      method: "POST",
      headers: bearer(ADMIN_TOKEN()),
      body: { address, asset: "USDC", amount: "0.5" },
    });
    expect(again.body.balance).toBe("1235");

    const notAdmin = await call(faucetRoute, {
      method: "POST",
      headers: bearer(token),
      body: { address, asset: "USDC", amount: "1" },
    });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body).toEqual({ detail: "This token lacks the admin scope required here." });
    const badAsset = await call(faucetRoute, {
      method: "POST",
      headers: bearer(ADMIN_TOKEN()),
      body: { address, asset: "DOGE", amount: "1" },
    });
    expect(badAsset.status).toBe(400);
    expect(badAsset.body.error).toBe("asset: DOGE is not a token of the local chain (ETH, BTC, SOL, USDC).");
    const badAddress = await call(faucetRoute, {
      method: "POST",
      headers: bearer(ADMIN_TOKEN()),
      body: { address: "0x1234", asset: "USDC", amount: "1" },
    });
    expect(badAddress.status).toBe(400);
  });
});
