import { describe, expect, it } from "vitest";
import { call } from "@/lib/server/testing/api-client";
import { GET as instrumentsRoute } from "@/app/api/v1/instruments/route";
import { db } from "../db";
import { closeChain } from "./index";
import { forgetRfqContracts } from "./suites/rfq";

describe("[CHAIN] the deployment registry", () => {
  it("deploys the RFQ contracts once, keeps their addresses, and reports a chain that lost them instead of redeploying", async () => {
    const first = await call(instrumentsRoute, { path: "/api/v1/instruments" });
    expect(first.status).toBe(200);
    const prisma = await db();
    const contracts = await prisma.chainContract.findMany({ where: { chainId: 31337, suite: "rfq" } });
    expect(contracts.map((c) => c.name).sort()).toEqual([
      "RFQSettlement",
      "StockToken:AAPL:0",
      "StockToken:MSFT:0",
      "StockToken:NVDA:0",
      "StockToken:TSLA:0",
      "TrancheUSD",
    ]);
    expect(first.body.data.settlement).toBe(contracts.find((c) => c.name === "RFQSettlement")!.address);

    // The same database, a chain without its state (a fresh in-memory Anvil).
    forgetRfqContracts();
    await closeChain();
    const lost = await call(instrumentsRoute, { path: "/api/v1/instruments" });
    expect(lost.status).toBe(503);
    expect(lost.body).toMatchObject({
      code: 200501,
      message: expect.stringMatching(/lost the rfq contracts.*does not redeploy/),
      details: { reason: "chain_unavailable", chain_state: "lost" },
    });
    expect(await prisma.chainContract.count({ where: { chainId: 31337 } })).toBe(6);
    expect(await prisma.chainDeployment.findMany()).toEqual([
      expect.objectContaining({ suite: "rfq", status: "ready" }),
    ]);
  });
});
