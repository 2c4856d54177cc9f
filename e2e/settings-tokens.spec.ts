import { expect, test } from "@playwright/test";
import { E2E_ADMIN, signIn } from "./fixtures";

test("[SETTINGS]: sign in, create an API token that works, then revoke it", async ({ page, request }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();

  const form = page.getByRole("form", { name: "Create API token" });
  await form.getByLabel("Token label").fill("e2e script");
  await form.getByLabel("trade").uncheck();
  await form.getByRole("button", { name: "Create token" }).click();

  const value = (await page.getByTestId("new-token-value").textContent())?.trim() ?? "";
  expect(value).toMatch(/^trn_[0-9A-Za-z]{40}$/);

  // The token works for a script, with the scopes chosen.
  const me = await request.get("/api/me", { headers: { Authorization: `Token ${value}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: E2E_ADMIN.email, auth: "token", scopes: ["read"] });

  const table = page.getByRole("table", { name: "API tokens" });
  const row = table.getByRole("row").filter({ hasText: "e2e script" });
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Revoke e2e script" }).click();
  await row.getByRole("button", { name: "Confirm revoke e2e script" }).click();
  await expect(row).toContainText("revoked");

  const after = await request.get("/api/me", { headers: { Authorization: `Token ${value}` } });
  expect(after.status()).toBe(401);
  expect(await after.json()).toEqual({ detail: "Invalid token." });
});

test("[AUTH]: a wrong password is refused on the login page, and sign-out ends the session", async ({
  page,
}) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "Email or password is incorrect.",
  );

  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
});
