import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ADMIN_TOKEN, call, createTestUser } from "@/lib/server/testing/api-client";
import { browserUser } from "@/lib/server/auth/testing/browser-user";
import { db } from "@/lib/server/db";
import { checkPassword } from "@/lib/server/auth/login";
import { clientIp } from "@/lib/server/http/client-ip";
import { checkDeploymentConfig } from "@/lib/server/deployment";
import { proxy } from "@/proxy";
import { POST as changePassword } from "./me/password/route";
import { GET as listTokens, POST as createToken } from "./tokens/route";
import { DELETE as revokeToken } from "./tokens/[id]/route";
import { GET as me } from "./me/route";
import { POST as submitOrder } from "./orders/route";
import { GET as auditLog } from "./audit_log/route";
import { GET as stream } from "./stream/route";
import { POST as faucet } from "./ledger/faucet/route";
import { POST as cancelAll } from "./cancel_all_orders/route";

// Issue 12's medium findings, each as a client would meet it.

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

const saved = { ...process.env };
afterEach(() => {
  for (const name of [
    "TRANCHE_RATE_LIMIT",
    "TRANCHE_STREAM_LIMIT",
    "TRANCHE_TRUSTED_PROXIES",
    "TRANCHE_LOGIN_MAX_FAILURES",
  ]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const twap = {
  pair: "BTC-USDT",
  side: "buy",
  accounts: ["paper"],
  strategy: "TWAP",
  duration: 600,
  base_asset_qty: "0.01",
};

async function orderCount(userId: string) {
  return (await db()).order.count({ where: { userId } });
}

describe("[SECURITY] cross-site requests with the session cookie", () => {
  it("refuses a change from another origin, or one that says nothing of where it comes from", async () => {
    const browser = await browserUser();
    const from = (headers: Record<string, string>) =>
      call(submitOrder, { method: "POST", headers: { ...browser.headers, ...headers }, body: twap });
    const evil = await from({ origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.body).toEqual({
      detail: "Cross-site request refused: origin https://evil.example is not this app.",
    });
    const silent = await from({ origin: "" });
    expect(silent.status).toBe(403);
    expect(silent.body).toEqual({
      detail: "Cross-site request refused: a signed-in browser's change must carry its Origin.",
    });
    const crossSite = await from({ origin: "", "sec-fetch-site": "cross-site" });
    expect(crossSite.body).toEqual({ detail: "Cross-site request refused (Sec-Fetch-Site: cross-site)." });
    expect(await orderCount(browser.user.id)).toBe(0);

    expect((await from({ origin: "", "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await from({})).status).toBe(201); // Origin http://localhost:3000, as the app's page sends it
    // Reads need no Origin; API tokens are not sent by browsers on their own and need none either.
    expect((await call(me, { headers: browser.headers })).status).toBe(200);
    expect((await call(submitOrder, { method: "POST", token: browser.token, body: twap })).status).toBe(201);
  });

  it("takes bodies only as application/json: a text/plain form post (no preflight) is a 400", async () => {
    const { token, user } = await createTestUser();
    const plain = await call(submitOrder, {
      method: "POST",
      token,
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(twap),
    });
    expect(plain.status).toBe(400);
    expect(plain.body).toEqual({ errors: ["Content-Type must be application/json, not text/plain."] });
    expect(await orderCount(user.id)).toBe(0);
  });

  it("stops reading a chunked body past 1 MB", async () => {
    const { token, user } = await createTestUser();
    const chunk = new TextEncoder().encode(`{"notes":"${"x".repeat(200_000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 50) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new NextRequest("http://localhost:3000/api/orders/", {
      method: "POST",
      headers: { authorization: `Token ${token}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await submitOrder(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: ["Request body is too large (limit 1 MB)."] });
    expect(sent).toBeLessThan(10); // abandoned after ~1 MB of the 10 MB offered
    expect(await orderCount(user.id)).toBe(0);
  });
});

describe("[SECURITY] what a token may do to its own account", () => {
  it("a read or trade token cannot change the password or mint tokens; an admin token can mint", async () => {
    const reader = await createTestUser({ scopes: ["read"] });
    const password = await call(changePassword, {
      method: "POST",
      token: reader.token,
      body: { current_password: reader.password, new_password: "a brand new long password" },
    });
    expect(password.status).toBe(403);
    expect(password.body).toEqual({
      detail:
        "Managing the account (password, passkeys, tokens) needs a signed-in browser session or an admin-scope token.",
    });
    const trader = await createTestUser({ scopes: ["read", "trade"] });
    const minted = await call(createToken, {
      method: "POST",
      token: trader.token,
      body: { label: "copy", scopes: ["read"] },
    });
    expect(minted.status).toBe(403);
    expect((await call(listTokens, { token: trader.token })).body.tokens).toHaveLength(1);
    const byAdmin = await call(createToken, {
      method: "POST",
      token: ADMIN_TOKEN(),
      body: { label: "for a bot", scopes: ["read"], user_id: trader.user.id },
    });
    expect(byAdmin.status).toBe(201);
  });

  it("a token minted by a token never outlives it: its expiry is capped and it is revoked with it", async () => {
    const admin = await createTestUser({ role: "admin" });
    const parentExpiry = new Date(Date.now() + 3_600_000);
    const parent = await call(createToken, {
      method: "POST",
      token: admin.token,
      body: { label: "parent", scopes: ["read", "admin"], expires_at: parentExpiry.toISOString() },
    });
    expect(parent.status).toBe(201);
    const child = await call(createToken, {
      method: "POST",
      token: parent.body.token,
      body: { label: "child", scopes: ["read"], expires_at: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(child.status).toBe(201);
    expect(child.body.expires_at).toBe(parentExpiry.toISOString());
    const grandchild = await call(createToken, {
      method: "POST",
      token: parent.body.token,
      body: { label: "no expiry asked", scopes: ["read"] },
    });
    expect(grandchild.body.expires_at).toBe(parentExpiry.toISOString());

    expect((await call(me, { token: child.body.token })).status).toBe(200);
    const revoked = await call(revokeToken, {
      method: "DELETE",
      token: admin.token,
      params: { id: parent.body.id },
    });
    expect(revoked.status).toBe(200);
    for (const token of [parent.body.token, child.body.token, grandchild.body.token]) {
      expect((await call(me, { token })).status).toBe(401);
    }
    const audit = await call(auditLog, {
      token: ADMIN_TOKEN(),
      path: `/api/audit_log/?user_id=${admin.user.id}`,
    });
    expect(audit.body.events.map((event: { action: string }) => event.action).slice(0, 4)).toEqual([
      "token.revoked",
      "token.created",
      "token.created",
      "token.created",
    ]);
    expect(audit.body.events[0].details.with_children).toHaveLength(2);
  });
});

describe("[SECURITY] the audit log", () => {
  it("records a cancel-all and a faucet mint with who did them, and refuses a non-admin reader", async () => {
    const trader = await createTestUser({ scopes: ["read", "trade"] });
    const cancelled = await call(cancelAll, { method: "POST", token: trader.token, body: {} });
    expect(cancelled.status).toBe(200);
    const address = `0x${"7".repeat(40)}`;
    const minted = await call(faucet, {
      method: "POST",
      token: ADMIN_TOKEN(),
      body: { address, asset: "USDC", amount: "12.5" },
    });
    expect(minted.status).toBe(201);

    const own = await call(auditLog, {
      token: ADMIN_TOKEN(),
      path: `/api/audit_log/?user_id=${trader.user.id}`,
    });
    expect(own.body.events[0]).toMatchObject({
      action: "orders.cancel_all",
      actor_user_id: trader.user.id,
      actor_via: "token",
    });
    const mints = await call(auditLog, {
      token: ADMIN_TOKEN(),
      path: "/api/audit_log/?action=faucet.minted",
    });
    expect(mints.body.events[0]).toMatchObject({
      action: "faucet.minted",
      target_id: address,
      details: { asset: "USDC", amount: "12.5", chain: "local" },
    });
    const denied = await call(auditLog, { token: trader.token });
    expect(denied.status).toBe(403);
  });
});

describe("[SECURITY] the password throttle", () => {
  it("counts parallel guesses before checking any: with 5 allowed, 20 at once get 5 checks and 15 refusals", async () => {
    const { email, user } = await createTestUser({ username: `guess${Date.now().toString(36)}` });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        checkPassword({ login: email, password: `wrong-${i}`, ip: "10.7.0.1" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused).toHaveLength(15);
    expect(refused[0]!.reason).toMatchObject({ code: "rate_limited" });
    // The username is the same account: it waits too, even with the right password.
    await expect(
      checkPassword({ login: user.username!, password: "correct horse battery staple", ip: "10.7.0.2" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(await (await db()).loginAttempt.count({ where: { email } })).toBe(5);
  });

  it("throttles POST /api/me/password like a sign-in", async () => {
    process.env.TRANCHE_LOGIN_MAX_FAILURES = "3";
    const browser = await browserUser();
    const attempt = (current: string) =>
      call(changePassword, {
        method: "POST",
        headers: browser.headers,
        body: { current_password: current, new_password: "a brand new long password" },
      });
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt(`guess ${i}`);
      expect(wrong.body).toEqual({
        error: "current_password: is not correct.",
        errors: ["current_password: is not correct"],
      });
    }
    const throttled = await attempt(browser.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses to start with a throttle setting that is not a positive whole number", () => {
    expect(() => checkDeploymentConfig(env({ TRANCHE_LOGIN_MAX_FAILURES: "five" }))).toThrow(
      'TRANCHE_LOGIN_MAX_FAILURES must be a positive whole number, got "five".',
    );
    expect(() => checkDeploymentConfig(env({ TRANCHE_TRUSTED_PROXIES: "-1" }))).toThrow(
      /TRANCHE_TRUSTED_PROXIES/,
    );
    expect(() => checkDeploymentConfig(env({ TRANCHE_RATE_LIMIT: "0" }))).toThrow(/TRANCHE_RATE_LIMIT/);
  });
});

describe("[SECURITY] the client's IP", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("is the TCP peer unless proxies are trusted: a client cannot pick its X-Forwarded-For", () => {
    const spoofed = headers({ "x-tranche-peer": "203.0.113.9", "x-forwarded-for": "1.2.3.4" });
    expect(clientIp(spoofed)).toBe("203.0.113.9");
    process.env.TRANCHE_TRUSTED_PROXIES = "1";
    // Behind one proxy (the peer), the client is the entry that proxy appended: the last one.
    expect(
      clientIp(headers({ "x-tranche-peer": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.7" })),
    ).toBe("198.51.100.7");
    process.env.TRANCHE_TRUSTED_PROXIES = "2";
    expect(
      clientIp(headers({ "x-tranche-peer": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.7" })),
    ).toBe("1.2.3.4");
  });
});

describe("[SECURITY] rate limits", () => {
  it("answers 429 with Retry-After once a token spends its changes, and nothing is created", async () => {
    process.env.TRANCHE_RATE_LIMIT = "3";
    const { token, user } = await createTestUser();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < 5; i++) {
      last = await call(submitOrder, { method: "POST", token, body: twap });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(last!.body).toEqual({
      detail: expect.stringMatching(/^Too many requests: slow down and retry in \d+ seconds\.$/),
    });
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await orderCount(user.id)).toBe(3);
    // Reads are not counted.
    expect((await call(me, { token })).status).toBe(200);
  });

  it("caps the live streams a user holds open, and frees a place when one closes", async () => {
    process.env.TRANCHE_STREAM_LIMIT = "2";
    const { token } = await createTestUser();
    const open = () => {
      const controller = new AbortController();
      const request = new NextRequest("http://localhost:3000/api/stream", {
        headers: { authorization: `Token ${token}`, "x-tranche-peer": `10.8.${Math.random()}` },
        signal: controller.signal,
      });
      return { controller, response: stream(request, { params: Promise.resolve({}) }) };
    };
    const a = open();
    const b = open();
    expect((await a.response).status).toBe(200);
    expect((await b.response).status).toBe(200);
    const c = await open().response;
    expect(c.status).toBe(429);
    expect(await c.json()).toEqual({
      detail: "Too many live streams open (at most 2): close one and retry.",
    });
    a.controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const d = open();
    expect((await d.response).status).toBe(200);
    b.controller.abort();
    d.controller.abort();
  });
});

describe("[SECURITY] headers and secrets", () => {
  it("sends a nonce-based Content-Security-Policy and the other headers on pages and API answers", () => {
    const page = proxy(new NextRequest("http://localhost:3000/orders"));
    const csp = page.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline' 'strict"); // scripts: nonce only
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const again = proxy(new NextRequest("http://localhost:3000/orders")).headers.get(
      "content-security-policy",
    );
    expect(again).not.toBe(csp); // a fresh nonce each time
    const https = proxy(new NextRequest("https://desk.example/api/health"));
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("refuses to start a server others can reach without NEXTAUTH_SECRET and TRANCHE_ENCRYPTION_KEY", () => {
    expect(() =>
      checkDeploymentConfig(env({ HOST: "127.0.0.1", NEXTAUTH_URL: "http://localhost:3000" })),
    ).not.toThrow();
    expect(() => checkDeploymentConfig(env({ HOST: "0.0.0.0" }))).toThrow(
      /^NEXTAUTH_SECRET and TRANCHE_ENCRYPTION_KEY must be set on a server others can reach/,
    );
    expect(() =>
      checkDeploymentConfig(
        env({
          HOST: "127.0.0.1",
          NEXTAUTH_URL: "https://desk.example",
          NEXTAUTH_SECRET: "x",
        }),
      ),
    ).toThrow(/^TRANCHE_ENCRYPTION_KEY must be set/);
    expect(() =>
      checkDeploymentConfig(env({ HOST: "0.0.0.0", NEXTAUTH_SECRET: "x", TRANCHE_ENCRYPTION_KEY: "y" })),
    ).not.toThrow();
  });
});
