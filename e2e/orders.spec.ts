import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, signIn } from "./fixtures";

// Orders are placed the way a script places them (the admin's API token); the browser watches them.
const AUTH = { Authorization: `Token ${E2E_ADMIN.token}` };
const short = (id: string) => id.slice(0, 8);

async function placeTwap(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const response = await request.post("/api/orders/", {
    headers: AUTH,
    data: {
      pair: "BTC-USDT",
      side: "buy",
      accounts: ["paper"],
      strategy: "TWAP",
      duration: 180,
      base_asset_qty: "0.3",
      ...overrides,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

const activeTable = (page: Page) => page.getByRole("table", { name: "Active orders" });
const rowOf = (page: Page, id: string) =>
  activeTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `Open order ${short(id)}` }) });

async function progressOf(page: Page, id: string): Promise<number> {
  const bar = rowOf(page, id).getByRole("progressbar");
  return Number(await bar.getAttribute("aria-valuenow"));
}

test("[ORDERS]: a new order appears in the active table and its progress moves without a reload", async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page.getByRole("status", { name: "Live updates: live" })).toBeVisible();
  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const order = await placeTwap(request);
  const row = rowOf(page, order.id);
  await expect(row).toBeVisible();
  await expect(row).toContainText("BTC-USDT");
  await expect(row).toContainText("TWAP");

  const first = await progressOf(page, order.id);
  await expect.poll(() => progressOf(page, order.id), { timeout: 30_000 }).toBeGreaterThan(first);
  await expect(row.getByText(/\d+\.\d bps/)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test("[ORDERS]: the order detail shows fills and the price chart; pause and resume from it", async ({
  page,
  request,
}) => {
  await signIn(page);
  const order = await placeTwap(request, { duration: 240 });
  await page.goto("/orders");
  await rowOf(page, order.id)
    .getByRole("link", { name: `Open order ${short(order.id)}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));

  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("BTC-USDT");
  await expect(heading).toContainText("TWAP");

  // The market chart draws on canvases; the fills arrive live.
  const chart = page.getByRole("figure", { name: "Price chart" });
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expect(chart).toContainText(/[1-9]\d* fills? \(points\)/, { timeout: 30_000 });
  const placements = page.getByRole("region", { name: "Placements and fills" });
  const showFills = placements.getByRole("button", { name: /^Show \d+ fills of placement/ }).first();
  await showFills.click();
  await expect(placements.getByRole("row").filter({ hasText: "fill" }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /^Executed \d/ })).toBeVisible();

  const actions = page.getByRole("group", { name: "Order actions" });
  await actions.getByRole("button", { name: "Pause" }).click();
  await expect(heading).toContainText("PAUSED");
  await expect(page.getByText("Paused.")).toBeVisible();
  const paused = await request.get(`/api/order/${order.id}`, { headers: AUTH });
  expect((await paused.json()).status).toBe("PAUSED");

  await actions.getByRole("button", { name: "Resume" }).click();
  await expect(heading).toContainText("ACTIVE");
  const resumed = await request.get(`/api/order/${order.id}`, { headers: AUTH });
  expect((await resumed.json()).status).toBe("ACTIVE");
});

test("[ORDERS]: select two orders and cancel them together, behind a confirm step", async ({
  page,
  request,
}) => {
  await signIn(page);
  const one = await placeTwap(request, { duration: 900, base_asset_qty: "0.1" });
  const two = await placeTwap(request, { duration: 900, base_asset_qty: "0.1", side: "sell" });
  const bystander = await placeTwap(request, { duration: 900, base_asset_qty: "0.1" });
  await page.goto("/orders");

  await rowOf(page, one.id)
    .getByRole("checkbox", { name: `Select order ${short(one.id)}` })
    .check();
  await rowOf(page, two.id)
    .getByRole("checkbox", { name: `Select order ${short(two.id)}` })
    .check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("button", { name: "Cancel selected" }).click();

  const dialog = page.getByRole("dialog", { name: "Cancel 2 orders?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(short(one.id));
  await expect(dialog).toContainText(short(two.id));
  // Backing out changes nothing.
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, one.id)).toBeVisible();

  await page.getByRole("button", { name: "Cancel selected" }).click();
  await page
    .getByRole("dialog", { name: "Cancel 2 orders?" })
    .getByRole("button", { name: "Cancel 2 orders" })
    .click();
  const result = page.getByRole("dialog", { name: "Cancel selected orders: result" });
  await expect(result.getByRole("status")).toHaveText("Canceled 2 orders.");
  await result.getByRole("button", { name: "Close" }).click();

  await expect(rowOf(page, one.id)).toHaveCount(0);
  await expect(rowOf(page, two.id)).toHaveCount(0);
  await expect(rowOf(page, bystander.id)).toBeVisible();
  await expect(page.getByText("0 selected")).toBeVisible();
  for (const { id } of [one, two]) {
    const answer = await request.get(`/api/order/${id}`, { headers: AUTH });
    expect((await answer.json()).status).toBe("CANCELED");
  }
});

test("[ORDERS]: at phone width the pages fit the screen and wide tables scroll sideways", async ({
  page,
  request,
}) => {
  await signIn(page);
  // The main nav folds into a menu at this width, so sign in first.
  await page.setViewportSize({ width: 375, height: 800 });
  const order = await placeTwap(request, { duration: 600, base_asset_qty: "0.05" });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  await page.goto("/orders");
  await expect(rowOf(page, order.id)).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(1);
  const box = page.getByRole("region", { name: "Active orders, scrollable" });
  expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole("figure", { name: "Price chart" }).locator("canvas").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Placements" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(1);
});

test("[ORDERS]: the order history filters by pair and status", async ({ page, request }) => {
  await signIn(page);
  const sol = await placeTwap(request, { pair: "SOL-USDT", base_asset_qty: "3", duration: 900 });
  const btc = await placeTwap(request, { duration: 900, base_asset_qty: "0.05" });
  await page.goto("/orders");
  const history = page.getByRole("region", { name: "Order history" });
  const table = history.getByRole("table", { name: "Order history" });
  const link = (id: string) => table.getByRole("link", { name: `Open order ${short(id)}` });
  await expect(link(sol.id)).toBeVisible();
  await expect(link(btc.id)).toBeVisible();

  await history.getByRole("combobox", { name: "Pair" }).selectOption("SOL-USDT");
  await expect(link(btc.id)).toHaveCount(0);
  await expect(link(sol.id)).toBeVisible();
  for (const pair of await table.getByRole("row").locator("td:nth-child(3)").allTextContents())
    expect(pair).toBe("SOL-USDT");

  await history.getByRole("combobox", { name: "Status" }).selectOption("FAILED");
  await expect(history.getByText("No orders match the filters")).toBeVisible();
  await history.getByRole("combobox", { name: "Status" }).selectOption("");
  await history.getByRole("combobox", { name: "Pair" }).selectOption("");
  await expect(link(btc.id)).toBeVisible();
});
