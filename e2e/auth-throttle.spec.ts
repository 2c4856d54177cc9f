import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures";

test("[AUTH]: repeated failed sign-ins for one email are refused with 429 by the sign-in endpoint", async ({
  request,
}) => {
  const email = `throttled-${Date.now()}@e2e.local`;
  const created = await request.post("/api/users/", {
    headers: { Authorization: `Token ${E2E_ADMIN.token}` },
    data: { email, password: "the right password 1", role: "trader" },
  });
  expect(created.status()).toBe(201);

  const attempt = async (password: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/password", {
      form: { email, password, csrfToken, json: "true", callbackUrl: "/" },
    });
  };
  for (let i = 0; i < 5; i++) {
    const response = await attempt(`wrong ${i}`);
    expect(response.status()).not.toBe(429);
    expect((await response.json()).url).toContain("error=CredentialsSignin");
  }
  const refused = await attempt("the right password 1");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({
    url: expect.stringContaining("error=RateLimited"),
    detail: expect.stringContaining("Too many"),
  });
});
