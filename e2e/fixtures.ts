import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

export { E2E_ADMIN };

/** Sign in through the login page, as a person would. */
export async function signIn(page: Page, email = E2E_ADMIN.email, password = E2E_ADMIN.password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/**
 * Chromium's virtual authenticator over CDP: a platform authenticator with resident keys that
 * verifies the user (as Touch ID would) and answers prompts without a person.
 */
export async function addVirtualAuthenticator(
  context: BrowserContext,
  page: Page,
  { transport = "internal" }: { transport?: "internal" | "usb" } = {},
) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      ctap2Version: "ctap2_1",
      transport,
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentials = async () =>
    (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  return { cdp, authenticatorId, credentials };
}

let traders = 0;

/**
 * A fresh trader made by the admin through the API, for specs that change the account itself
 * (passkeys, signing keys): the shared admin stays as the other specs expect it.
 */
export async function createTrader(request: APIRequestContext) {
  const email = `trader${++traders}-${Date.now().toString(36)}@e2e.local`;
  const password = "e2e-trader-password-123";
  const response = await request.post("/api/users/", {
    headers: { Authorization: `Token ${E2E_ADMIN.token}` },
    data: { email, password, role: "trader" },
  });
  expect(response.status()).toBe(201);
  return { email, password };
}
