import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { createPaperAccount } from "@/lib/server/services/accounts/paper-account";
import { db } from "@/lib/server/db";
import { FILL_CSV_COLUMNS, type TFill } from "@/lib/contracts/fills";
import { GET as listFills } from "./route";
import { GET as exportFills } from "./export.csv/route";
import { T0, engineOnClock, now, submit, useClock } from "../core-test-kit";

beforeAll(() => useClock());
afterAll(() => vi.useRealTimers());

const list = (token: string, query = "") => call(listFills, { token, path: `/api/fills/${query}` });
const csv = (token: string, query = "") =>
  call<string>(exportFills, { token, path: `/api/fills/export.csv${query}` });
const csvRows = (text: string) =>
  text
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));

/** Alice: market orders on two accounts and pairs, a TWAP still running; Bob: one market order. */
async function scenario() {
  const alice = await createTestUser();
  const bob = await createTestUser();
  const prisma = await db();
  await createPaperAccount(prisma, alice.user.id, "desk");
  const { run } = engineOnClock(`fills-${alice.user.id}`);
  const btc = await submit(alice.token, { strategy: "Market", base_asset_qty: "0.3", duration: 60 });
  const bobs = await submit(bob.token, { strategy: "Market", base_asset_qty: "0.2", duration: 60 });
  await run(2);
  const split = now() + 500;
  const eth = await submit(alice.token, {
    strategy: "Market",
    pair: "ETH-USDT",
    side: "sell",
    accounts: ["desk"],
    base_asset_qty: "2",
    duration: 60,
  });
  const twap = await submit(alice.token, { strategy: "TWAP", duration: 600, base_asset_qty: "0.05" });
  await run(3);
  return { alice, bob, btc, bobs, eth, twap, split };
}

describe("[FILLS] GET /api/fills/", () => {
  let s: Awaited<ReturnType<typeof scenario>>;
  let all: TFill[];
  beforeAll(async () => {
    s = await scenario();
    const response = await list(s.alice.token, "?page_size=1000");
    expect(response.status).toBe(200);
    all = response.body.fills;
  });

  it("lists only the caller's fills, newest first, with exact decimals, names and strategy", async () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const orders = new Set(all.map((fill) => fill.order_id));
    expect(orders.has(s.btc.id)).toBe(true);
    expect(orders.has(s.eth.id)).toBe(true);
    expect(orders.has(s.bobs.id)).toBe(false);
    const times = all.map((fill) => Date.parse(fill.time));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const eth = all.find((fill) => fill.order_id === s.eth.id)!;
    expect(eth).toMatchObject({
      account_name: "desk",
      venue: "sim",
      pair: "ETH-USDT",
      side: "sell",
      strategy: "Market",
      role: "TAKE",
      fee_asset: "USDT",
    });
    expect(Object.keys(eth).sort()).toEqual(
      [
        "id",
        "time",
        "order_id",
        "placement_id",
        "account_name",
        "venue",
        "pair",
        "side",
        "role",
        "strategy",
        "price",
        "qty",
        "notional",
        "fee",
        "fee_asset",
        "external_id",
      ].sort(),
    );
    expect(eth.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Decimals are the stored values as text: the database row says exactly the same.
    const prisma = await db();
    const row = await prisma.fill.findUniqueOrThrow({ where: { id: eth.id } });
    expect([eth.price, eth.qty, eth.notional, eth.fee]).toEqual(
      [row.price, row.size, row.notional, row.fee].map((value) => value.toFixed()),
    );
    expect(typeof eth.price).toBe("string");

    const bobs = await list(s.bob.token);
    expect(bobs.body.fills.length).toBeGreaterThan(0);
    expect(bobs.body.fills.every((fill: TFill) => fill.order_id === s.bobs.id)).toBe(true);
  });

  it("filters by pair, side, account, order and time range", async () => {
    const ids = (fills: TFill[]) => fills.map((fill) => fill.id);
    const expectOnly = async (query: string, keep: (fill: TFill) => boolean) => {
      const response = await list(s.alice.token, query);
      expect(response.status).toBe(200);
      const expected = all.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(response.body.fills)).toEqual(ids(expected));
    };
    await expectOnly("?pair=ETH-USDT", (fill) => fill.pair === "ETH-USDT");
    await expectOnly("?side=buy", (fill) => fill.side === "buy");
    await expectOnly("?account_names=paper", (fill) => fill.account_name === "paper");
    await expectOnly("?account_names=desk,paper", () => true);
    await expectOnly(`?order_id=${s.btc.id.toUpperCase()}`, (fill) => fill.order_id === s.btc.id);
    const split = new Date(s.split).toISOString();
    await expectOnly(`?from=${split}`, (fill) => Date.parse(fill.time) >= s.split);
    await expectOnly(`?to=${split}`, (fill) => Date.parse(fill.time) < s.split);
    await expectOnly(`?pair=BTC-USDT&side=buy&to=${split}`, (fill) => fill.order_id === s.btc.id);
    const none = await list(s.alice.token, "?pair=SOL-USDT");
    expect(none.body).toEqual({ fills: [], page_size: 100, next_cursor: null });
    // Another user's order id or filters never reach their fills.
    const crossed = await list(s.bob.token, `?order_id=${s.btc.id}`);
    expect([crossed.status, crossed.body.fills]).toEqual([200, []]);
  });

  it("pages with a keyset cursor through every fill exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const response = await list(s.alice.token, `?page_size=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      expect(response.body.fills.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.fills.map((fill: TFill) => fill.id));
      cursor = response.body.next_cursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    }
    expect(seen).toEqual(all.map((fill) => fill.id));
    // The page that ends exactly at the last fill says so: no empty page after it.
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it("refuses bad filters with 400s naming the field, unknown accounts, and missing credentials", async () => {
    const cases: [string, string][] = [
      ["?side=hold", "side: must be buy or sell"],
      ["?pair=ASDF", "pair: must be BASE-QUOTE, e.g. BTC-USDT"],
      ["?order_id=42", "order_id: must be an order UUID"],
      ["?from=yesterday", "from: must be an ISO 8601 time"],
      [`?from=${new Date(T0).toISOString()}&to=2020-01-01T00:00:00Z`, "to: must not be before from"],
      ["?page_size=0", "page_size: must be a whole number from 1 to 1000"],
      ["?page_size=1001", "page_size: must be a whole number from 1 to 1000"],
      ["?cursor=bm9wZQ", "cursor: is not a cursor this endpoint handed out"],
    ];
    for (const [query, message] of cases) {
      const response = await list(s.alice.token, query);
      expect({ query, status: response.status, errors: response.body.errors }).toEqual({
        query,
        status: 400,
        errors: [message],
      });
    }
    // Alice's second account is unknown to Bob, exactly like a name nobody has.
    const foreign = await list(s.bob.token, "?account_names=desk");
    expect([foreign.status, foreign.body.error]).toEqual([
      400,
      "Account display name 'desk' not found for user",
    ]);
    const anonymous = await call(listFills, { path: "/api/fills/" });
    expect(anonymous.status).toBe(401);
  });
});

describe("[FILLS] GET /api/fills/export.csv", () => {
  let s: Awaited<ReturnType<typeof scenario>>;
  beforeAll(async () => {
    s = await scenario();
  });

  it("streams every matching fill as CSV: header row, one line per fill, the list's values verbatim", async () => {
    const listed: TFill[] = (await list(s.alice.token, "?page_size=1000")).body.fills;
    const response = await csv(s.alice.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tranche-fills-\d{8}T\d{6}Z\.csv"$/,
    );
    const [header, ...rows] = csvRows(response.body);
    expect(header).toEqual([...FILL_CSV_COLUMNS]);
    expect(rows.length).toBe(listed.length);
    const column = (name: (typeof FILL_CSV_COLUMNS)[number]) => FILL_CSV_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const fill = listed[i]!;
      expect(row).toHaveLength(FILL_CSV_COLUMNS.length);
      expect([
        row[column("time")],
        row[column("fill_id")],
        row[column("order_id")],
        row[column("account")],
        row[column("side")],
        row[column("price")],
        row[column("qty")],
        row[column("notional")],
        row[column("fee")],
      ]).toEqual([
        fill.time,
        fill.id,
        fill.order_id,
        fill.account_name,
        fill.side,
        fill.price,
        fill.qty,
        fill.notional,
        fill.fee,
      ]);
    });
  });

  it("applies the same filters and scoping, and answers bad filters with JSON 400s", async () => {
    const sells = csvRows((await csv(s.alice.token, "?side=sell")).body).slice(1);
    expect(sells.length).toBeGreaterThan(0);
    expect(sells.every((row) => row[FILL_CSV_COLUMNS.indexOf("side")] === "sell")).toBe(true);
    expect(sells.every((row) => row[FILL_CSV_COLUMNS.indexOf("order_id")] === s.eth.id)).toBe(true);

    const bobs = csvRows((await csv(s.bob.token)).body).slice(1);
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.every((row) => row[FILL_CSV_COLUMNS.indexOf("order_id")] === s.bobs.id)).toBe(true);
    const empty = csvRows((await csv(s.bob.token, `?order_id=${s.eth.id}`)).body);
    expect(empty).toEqual([[...FILL_CSV_COLUMNS]]);

    const bad = await call(exportFills, { token: s.alice.token, path: "/api/fills/export.csv?side=hold" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/application\/json/);
    expect(bad.body.errors).toEqual(["side: must be buy or sell"]);
    const foreign = await csv(s.bob.token, "?account_names=desk");
    expect(foreign.status).toBe(400);
    expect((await call(exportFills, { path: "/api/fills/export.csv" })).status).toBe(401);
  });
});

describe("[FILLS] /api/openapi.json", () => {
  it("documents the fills, CSV export and statistics endpoints from their contracts", async () => {
    const { GET: openapi } = await import("../openapi.json/route");
    const doc = (await call(openapi, { path: "/api/openapi.json" })).body;
    expect(doc.paths["/api/fills/"].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      "pair",
      "side",
      "account_names",
      "order_id",
      "from",
      "to",
      "cursor",
      "page_size",
    ]);
    expect(doc.paths["/api/fills/"].get["x-scopes"]).toEqual(["read"]);
    expect(doc.paths["/api/fills/export.csv"].get.summary).toMatch(/CSV/);
    expect(
      doc.paths["/api/stats/executions"].get.responses["200"].content["application/json"].schema,
    ).toEqual({
      $ref: "#/components/schemas/ExecutionStats",
    });
  });
});
