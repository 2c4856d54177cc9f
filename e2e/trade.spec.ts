import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { FILL_CSV_COLUMNS } from "@/lib/contracts/fills";
import { E2E_ADMIN, signIn } from "./fixtures";

const auth = { Authorization: `Token ${E2E_ADMIN.token}` };

/** The order as the Core Order API shows it to a script. */
async function orderById(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/order/${id}`, { headers: auth });
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

test("[TRADE]: place a TWAP from the Trade page by keyboard and open it from the confirmation", async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.goto("/trade");
  await expect(page.getByRole("heading", { name: "Trade" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Algorithmic" })).toHaveAttribute("aria-selected", "true");

  const form = page.getByRole("form", { name: "Order entry" });
  await expect(form.getByRole("checkbox", { name: "paper" })).toBeChecked();
  // The pair is searched and picked from the list.
  const pair = form.getByRole("combobox", { name: "Pair" });
  await pair.fill("eth");
  await form.getByRole("option", { name: /ETH-USDT/ }).click();
  await expect(pair).toHaveValue("ETH-USDT");
  await form.getByRole("radio", { name: "Sell" }).check({ force: true });
  await form.getByLabel("Strategy").selectOption("TWAP");
  await form.getByLabel("Duration", { exact: true }).fill("20");
  await form.getByLabel("Duration unit").selectOption("min");
  await form.getByLabel("Alpha tilt").fill("0.3");
  await form.getByLabel("Quantity").fill("0.5");

  // The other amount, the notional and the schedule follow the price.
  await expect(form.getByText(/^≈ [\d,]+(\.\d+)? USDT$/)).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText(/^≈ [\d,.]+$/)).toBeVisible();
  await expect(summary.getByRole("img", { name: /Schedule preview/ })).toBeVisible();

  // Enter submits.
  await form.getByLabel("Quantity").press("Enter");
  const confirmation = page.getByRole("status", { name: "Order submitted" });
  await expect(confirmation).toContainText("TWAP sell 0.5 ETH on ETH-USDT");
  const link = confirmation.getByRole("link", { name: "Open order details" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/orders\/[0-9a-f-]{36}$/);

  const order = await orderById(request, href!.split("/").pop()!);
  expect(order).toMatchObject({
    pair: "ETH-USDT",
    side: "sell",
    strategy: "TWAP",
    duration: 1200,
    alpha_tilt: 0.3,
    account_names: ["paper"],
    status: "ACTIVE",
  });

  await link.click();
  await expect(page).toHaveURL(href!);
});

test("[TRADE]: a whole pair typed and confirmed with Enter trades that pair, never the first in the list", async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.goto("/trade");
  const form = page.getByRole("form", { name: "Order entry" });
  const pair = form.getByRole("combobox", { name: "Pair" });
  const markets = form.getByRole("listbox", { name: "Markets", includeHidden: true });
  // Once an "ETH" Iceberg sold BTC: an exact match reset the list and Enter took its first row.
  for (const name of ["ETH-USDT", "SOL-USDT", "BTC-USDT", "ETH-USDT"]) {
    await pair.fill(name);
    await expect(markets.getByRole("option", { name: new RegExp(name), selected: true })).toBeVisible();
    await pair.press("Enter");
    await expect(pair).toHaveValue(name);
    await expect(pair).toHaveAttribute("aria-expanded", "false");
  }
  // A pair that is not listed selects nothing: the text stays as typed, no option is highlighted.
  await pair.fill("XRP-USDT");
  await expect(markets.getByRole("option", { includeHidden: true })).toHaveCount(0);
  await pair.press("Enter");
  await expect(pair).toHaveValue("XRP-USDT");
  await pair.fill("sol-usdt");
  await pair.press("Enter");
  await expect(pair).toHaveValue("SOL-USDT");

  await form.getByRole("radio", { name: "Sell" }).check({ force: true });
  await form.getByLabel("Strategy").selectOption("TWAP");
  await form.getByLabel("Duration", { exact: true }).fill("10");
  await form.getByLabel("Duration unit").selectOption("min");
  await form.getByLabel("Quantity").fill("2");
  await form.getByLabel("Quantity").press("Enter");
  const confirmation = page.getByRole("status", { name: "Order submitted" });
  await expect(confirmation).toContainText("TWAP sell 2 SOL on SOL-USDT");
  const href = await confirmation.getByRole("link", { name: "Open order details" }).getAttribute("href");
  const order = await orderById(request, href!.split("/").pop()!);
  expect(order).toMatchObject({ pair: "SOL-USDT", side: "sell", sell_token: "SOL" });
});

test("[TRADE]: the API's field errors show beside their fields, and Esc clears them", async ({ page }) => {
  await signIn(page);
  await page.goto("/trade");
  const form = page.getByRole("form", { name: "Order entry" });
  await form.getByLabel("Quantity").fill("0.01");
  const passiveness = form.getByLabel("Passiveness");
  await passiveness.fill("1.5");
  // The range is hinted as you type, but only the API decides.
  await expect(form.getByText(/^Outside 0 – 1/)).toBeVisible();
  await form.getByRole("button", { name: "Place order" }).click();

  await expect(passiveness).toHaveAttribute("aria-invalid", "true");
  const describedBy = await passiveness.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("must be between 0 and 1");
  await expect(passiveness).toBeFocused();
  await expect(page.getByRole("status", { name: "Order submitted" })).toHaveCount(0);

  await passiveness.press("Escape");
  await expect(passiveness).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("must be between 0 and 1")).toHaveCount(0);
});

test("[FILLS]: export the fills as CSV after a market order fills", async ({ page, request }) => {
  const created = await request.post("/api/orders/", {
    headers: auth,
    data: {
      pair: "BTC-USDT",
      side: "buy",
      accounts: ["paper"],
      strategy: "Market",
      duration: 60,
      base_asset_qty: "0.01",
      custom_order_id: "e2e-fills-export",
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await expect.poll(async () => (await orderById(request, id)).status, { timeout: 20_000 }).toBe("COMPLETE");

  await signIn(page);
  await page.goto("/fills");
  const table = page.getByRole("table", { name: "Fills" });
  await expect(table.getByRole("link", { name: `Order ${id}` }).first()).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tranche-fills-\d{8}T\d{6}Z\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const [header, ...rows] = text.split("\r\n").filter((line) => line !== "");
  expect(header).toBe(FILL_CSV_COLUMNS.join(","));
  const ours = rows.map((row) => row.split(",")).filter((cells) => cells[2] === id);
  expect(ours.length).toBeGreaterThanOrEqual(1);
  const column = (name: (typeof FILL_CSV_COLUMNS)[number]) => FILL_CSV_COLUMNS.indexOf(name);
  expect(ours[0]![column("pair")]).toBe("BTC-USDT");
  expect(ours[0]![column("side")]).toBe("buy");
  expect(ours[0]![column("price")]).toMatch(/^\d+(\.\d+)?$/);
  expect(ours[0]![column("time")]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  // Every fill of the order, exactly the quantity ordered.
  const total = ours.reduce((sum, cells) => sum + Number(cells[column("qty")]), 0);
  expect(total).toBeCloseTo(0.01, 10);
});
