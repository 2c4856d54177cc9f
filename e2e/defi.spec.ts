import { expect, test } from "@playwright/test";
import { addVirtualAuthenticator, signIn } from "./fixtures";

test("[DEFI]: register a passkey, sign back in with it, and execute a DeFi swap from the Trade page through to complete", async ({
  context,
  page,
}) => {
  await addVirtualAuthenticator(context, page);
  await signIn(page);

  // A passkey, registered in Settings…
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await passkeys.getByLabel("Passkey name").fill("e2e swap key");
  await passkeys.getByRole("button", { name: "Add passkey" }).click();
  await expect(passkeys.getByRole("status").filter({ hasText: "added" })).toBeVisible();

  // …is how this trader signs in now.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  const before = await (await page.request.get("/v1/gateway/balances")).json();
  const eth = (rows: { symbol: string; chain: string | null; total: string }[]) =>
    Number(rows.find((row) => row.symbol === "ETH" && row.chain === "local")?.total ?? "0");

  // Trade → DeFi: buy ETH with 1,000 USDC on the offline chain.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trade" }).click();
  await page.getByRole("tab", { name: "DeFi" }).click();
  const form = page.getByRole("form", { name: "DeFi order" });
  await form.getByLabel("Asset").selectOption("ETH");
  await form.getByLabel("Side").selectOption("buy");
  await form.getByLabel("Amount (USDC)").fill("1000");
  await expect(page.getByTestId("defi-quote")).toContainText("ETH at");
  await form.getByRole("button", { name: "Review order" }).click();

  // Each payload is summarised for the person who signs it: approve, then swap.
  const payloads = page.getByRole("list", { name: "Payloads to sign" });
  await expect(payloads.getByRole("listitem")).toHaveCount(2);
  await expect(payloads.getByRole("listitem").nth(0)).toContainText("Approve 1,000 USDC");
  await expect(payloads.getByRole("listitem").nth(1)).toContainText(/Swap 1,000 USDC for ≥ [\d.]+ ETH/);

  // One passkey prompt per payload (the virtual authenticator answers), then execute.
  await page.getByRole("button", { name: "Sign with passkey and execute" }).click();
  await expect(page.getByTestId("defi-order-status")).toHaveText("complete", { timeout: 30_000 });
  const hashes = page.getByRole("list", { name: "Transaction hashes" }).getByRole("listitem");
  await expect(hashes).toHaveCount(2);
  await expect(hashes.first()).toHaveText(/^0x[0-9a-f]{64}$/);

  // The swap moved the custodial balance.
  const after = await (await page.request.get("/v1/gateway/balances")).json();
  expect(eth(after.data)).toBeGreaterThan(eth(before.data) + 0.2);
});
