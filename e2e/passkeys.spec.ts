import { generateKeyPairSync } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { addVirtualAuthenticator, createTrader, signIn } from "./fixtures";

async function openSettings(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
}

test("[PASSKEYS]: register a passkey in Settings, sign out, and sign back in with it", async ({
  context,
  page,
  request,
}) => {
  const trader = await createTrader(request);
  const authenticator = await addVirtualAuthenticator(context, page);
  await signIn(page, trader.email, trader.password);
  await openSettings(page);

  const panel = page.getByRole("region", { name: "Passkeys" });
  await panel.getByLabel("Passkey name").fill("e2e laptop");
  await panel.getByRole("button", { name: "Add passkey" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "added" })).toHaveText(
    "Passkey “e2e laptop” added.",
  );
  const row = panel
    .getByRole("table", { name: "Passkeys" })
    .getByRole("row")
    .filter({ hasText: "e2e laptop" });
  await expect(row).toContainText("never"); // not used yet

  // The authenticator now holds one discoverable credential for this site.
  const stored = await authenticator.credentials();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ isResidentCredential: true, rpId: "localhost" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  // A real session for the passkey's owner.
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: trader.email, auth: "session" });

  // A second passkey (a second authenticator) needs the first one to confirm it.
  const phone = await addVirtualAuthenticator(context, page, { transport: "usb" });
  await openSettings(page);
  const again = page.getByRole("region", { name: "Passkeys" });
  await again.getByLabel("Passkey name").fill("e2e phone");
  await again.getByRole("button", { name: "Add passkey" }).click();
  await expect(again.getByRole("status").filter({ hasText: "added" })).toHaveText(
    "Passkey “e2e phone” added.",
  );
  expect(await authenticator.credentials()).toHaveLength(1);
  expect(await phone.credentials()).toHaveLength(1);

  await openSettings(page);
  const usedRow = page
    .getByRole("region", { name: "Passkeys" })
    .getByRole("table", { name: "Passkeys" })
    .getByRole("row")
    .filter({ hasText: "e2e laptop" });
  await expect(usedRow.getByRole("cell").nth(2)).not.toHaveText("never");
  expect((await authenticator.credentials())[0]!.signCount).toBeGreaterThan(0);
});

test("[PASSKEYS]: a passkey that is gone cannot sign in; renaming and deleting work from Settings", async ({
  context,
  page,
  request,
}) => {
  const trader = await createTrader(request);
  await addVirtualAuthenticator(context, page);
  await signIn(page, trader.email, trader.password);
  await openSettings(page);
  const panel = page.getByRole("region", { name: "Passkeys" });
  await panel.getByLabel("Passkey name").fill("temporary");
  await panel.getByRole("button", { name: "Add passkey" }).click();
  const table = panel.getByRole("table", { name: "Passkeys" });
  await expect(table.getByRole("row").filter({ hasText: "temporary" })).toBeVisible();

  await table.getByRole("button", { name: "Rename temporary" }).click();
  await table.getByLabel("New name for temporary").fill("spare key");
  await table.getByRole("button", { name: "Save" }).click();
  const row = table.getByRole("row").filter({ hasText: "spare key" });
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: "Delete spare key" }).click();
  await row.getByRole("button", { name: "Confirm delete spare key" }).click();
  await expect(table.getByRole("row").filter({ hasText: "spare key" })).toHaveCount(0);

  // The authenticator still holds the credential, but the server no longer knows it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const before = await page.request.get("/api/me");
  expect(before.status()).toBe(401);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "That passkey could not sign you in. Use another one, or your password.",
  );
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("[SIGNING KEYS]: register a P-256 public key in Settings, confirmed with the password, then revoke it", async ({
  page,
  request,
}) => {
  const trader = await createTrader(request);
  const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const y = Buffer.from(jwk.y!, "base64url");
  const compressed = Buffer.concat([
    Buffer.from([y[y.length - 1]! & 1 ? 3 : 2]),
    Buffer.from(jwk.x!, "base64url"),
  ]).toString("hex");

  await signIn(page, trader.email, trader.password);
  await openSettings(page);
  const panel = page.getByRole("region", { name: "Signing keys" });
  const form = panel.getByRole("form", { name: "Register signing key" });
  await form.getByLabel("Public key (hex)").fill(`04${"ab".repeat(32)}`);
  await form.getByLabel("Key label").fill("e2e bot");
  await form.getByLabel("Your password").fill(trader.password);
  await form.getByRole("button", { name: "Register key" }).click();
  await expect(form.getByRole("alert")).toHaveText("must start with 02 or 03 (compressed point), not 04");

  // Without a passkey the key is confirmed with the account password; a wrong one changes nothing.
  await form.getByLabel("Public key (hex)").fill(compressed);
  await form.getByLabel("Your password").fill("not the password");
  await form.getByRole("button", { name: "Register key" }).click();
  await expect(form.getByRole("alert")).toContainText("The password is wrong.");
  await form.getByLabel("Your password").fill(trader.password);
  await form.getByRole("button", { name: "Register key" }).click();
  const row = panel
    .getByRole("table", { name: "Signing keys" })
    .getByRole("row")
    .filter({ hasText: "e2e bot" });
  await expect(row).toContainText("active");
  await expect(row.getByTitle(compressed)).toBeVisible();

  // Scripts see the same key.
  const listed = await page.request.get("/api/signing_keys/");
  expect((await listed.json()).signing_keys).toContainEqual(
    expect.objectContaining({ public_key: compressed, label: "e2e bot", revoked_at: null }),
  );

  await row.getByRole("button", { name: "Revoke e2e bot" }).click();
  await row.getByRole("button", { name: "Confirm revoke e2e bot" }).click();
  await expect(row).toContainText("revoked");
});
