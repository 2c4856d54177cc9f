import { expect } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { POST as registerOptions } from "@/app/api/passkeys/register/options/route";
import { POST as registerVerify } from "@/app/api/passkeys/register/verify/route";
import { POST as stepUpOptions } from "@/app/api/auth/step_up/options/route";
import { sessionCookie } from "./session";
import { SoftAuthenticator } from "./soft-authenticator";

/** A signed-in browser: the session cookie of a fresh user (tests only). */
export async function browserUser(options: Parameters<typeof createTestUser>[0] = {}) {
  const created = await createTestUser(options);
  return { ...created, headers: { cookie: await sessionCookie(created.user.id) } };
}

export type Browser = Awaited<ReturnType<typeof browserUser>>;

/** A step-up proof made with `authenticator` (which must be one of the user's passkeys). */
export async function passkeyStepUp(browser: Browser, authenticator: SoftAuthenticator) {
  const options = await call(stepUpOptions, { method: "POST", headers: browser.headers });
  expect(options.status).toBe(200);
  return {
    challenge_id: options.body.challenge_id as string,
    response: authenticator.authenticationResponse({ challenge: options.body.options.challenge }),
  };
}

/**
 * Settings → Add passkey, with a software authenticator standing in for the platform one; once the
 * user has a passkey, `confirmWith` (one of theirs) answers the step-up first.
 */
export async function addPasskey(
  browser: Browser,
  name = "Laptop",
  authenticator = new SoftAuthenticator(),
  confirmWith?: SoftAuthenticator,
) {
  const body = confirmWith ? { step_up: await passkeyStepUp(browser, confirmWith) } : undefined;
  const options = await call(registerOptions, { method: "POST", headers: browser.headers, body });
  expect(options.status).toBe(200);
  const response = authenticator.register({ challenge: options.body.options.challenge });
  const created = await call(registerVerify, {
    method: "POST",
    headers: browser.headers,
    body: { name, response },
  });
  return { authenticator, options: options.body.options, created, response };
}
