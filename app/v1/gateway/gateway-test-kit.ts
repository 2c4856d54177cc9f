import { generateKeyPairSync, sign } from "node:crypto";
import { expect } from "vitest";
import { formatApiKeyStamp } from "@/lib/domain/signing/stamps";
import { ADMIN_TOKEN, call, createTestUser } from "@/lib/server/testing/api-client";
import { POST as registerKeyRoute } from "@/app/api/signing_keys/route";
import { POST as faucetRoute } from "@/app/api/ledger/faucet/route";
import { GET as balancesRoute } from "./balances/route";
import { POST as createOrderRoute } from "./orders/route";
import { POST as executeRoute } from "./orders/[id]/execute/route";
import { GET as getOrderRoute } from "./orders/[id]/route";

/**
 * Shared by the Gateway's API tests: a headless client with a P-256 signing key (node:crypto),
 * Bearer calls, a funded custodial address, and DeFi orders created and executed through the
 * real route handlers.
 */

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A P-256 key pair as a headless client holds it: compressed public key, and Turnkey API-key stamps. */
export function p256Key() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const x = Buffer.from(jwk.x!, "base64url");
  const y = Buffer.from(jwk.y!, "base64url");
  const compressed = Buffer.concat([Buffer.from([(y[y.length - 1]! & 1) === 1 ? 0x03 : 0x02]), x]).toString(
    "hex",
  );
  return {
    publicKey: compressed,
    /** base64url(JSON{publicKey, scheme, signature: hex DER ECDSA-P256-SHA256 over the payload's bytes}) */
    stamp: (payload: string) =>
      formatApiKeyStamp({
        publicKey: compressed,
        signature: new Uint8Array(
          sign("sha256", Buffer.from(payload, "utf8"), { key: privateKey, dsaEncoding: "der" }),
        ),
      }),
  };
}

/** A trader with a registered signing key and `usdc` USDC on the local chain (from the admin faucet). */
export async function defiTrader(options: { usdc?: string; eth?: string } = {}) {
  const user = await createTestUser();
  const key = p256Key();
  // Provisioned by an admin: registering one's own key needs a passkey or password step-up.
  const registered = await call(registerKeyRoute, {
    method: "POST",
    token: ADMIN_TOKEN(),
    body: { public_key: key.publicKey, label: "headless", user_id: user.user.id },
  });
  expect(registered.status).toBe(201);
  const address = await custodialAddress(user.token);
  for (const [asset, amount] of [
    ["USDC", options.usdc ?? "5000"],
    ["ETH", options.eth],
  ] as const) {
    if (!amount || amount === "0") continue;
    const minted = await call(faucetRoute, {
      method: "POST",
      headers: bearer(ADMIN_TOKEN()),
      body: { address, asset, amount },
    });
    expect(minted.status).toBe(201);
  }
  return { ...user, key, address };
}

/** The caller's custodial address on `local`, as GET /v1/gateway/balances shows it. */
export async function custodialAddress(token: string): Promise<string> {
  const balances = await call(balancesRoute, { headers: bearer(token) });
  expect(balances.status).toBe(200);
  return balances.body.data.find((row: { chain: string | null }) => row.chain === "local").address;
}

/** One bucket's balances as `{symbol: total}`. */
export async function balancesOf(token: string, custody: string): Promise<Record<string, string>> {
  const balances = await call(balancesRoute, { headers: bearer(token) });
  return Object.fromEntries(
    balances.body.data
      .filter((row: { custody: string }) => row.custody === custody)
      .map((row: { symbol: string; total: string }) => [row.symbol, row.total]),
  );
}

export const defiBuy = (overrides: Record<string, unknown> = {}) => ({
  base_asset: "ETH",
  quote_asset: "USDC",
  qty: "1000",
  qty_unit: "quote",
  type: "market",
  side: "buy",
  chain: "local",
  ...overrides,
});

export async function createOrder(token: string, body: Record<string, unknown>) {
  return call(createOrderRoute, { method: "POST", headers: bearer(token), body });
}

export async function execute(token: string, orderId: string, signatures: unknown[], authType = "api_key") {
  return call(executeRoute, {
    method: "POST",
    headers: bearer(token),
    params: { id: orderId },
    body: { signatures, auth_type: authType },
  });
}

/** GET /v1/gateway/orders/{id} as the owner of `token`. */
export const gatewayOrder = (token: string, id: string) =>
  call(getOrderRoute, { headers: bearer(token), params: { id } });
