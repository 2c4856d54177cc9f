import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/domain/signing/canonical-json";
import { formatApiKeyStamp } from "@/lib/domain/signing/stamps";
import { toBase64Url, utf8 } from "@/lib/domain/signing/encoding";
import { createTestUser } from "../testing/api-client";
import { db } from "../db";
import { SoftAuthenticator, softSigningKey } from "./testing/soft-authenticator";
import { verifyStamps, type StampVerification } from "./stamps";

// The app as the tests see it: RP ID localhost, served on http://localhost:3000.
beforeAll(() => {
  process.env.WEBAUTHN_RP_ID = "localhost";
  process.env.WEBAUTHN_ORIGINS = "http://localhost:3000,https://desk.example";
});

let nonce = 0;
/** A payload envelope as the Gateway issues them: canonical JSON with a unique nonce. */
const payload = (summary: string) =>
  canonicalJson({ v: 1, kind: "evm_tx", nonce: `${++nonce}`.padStart(32, "0"), step: 0, summary });

async function userWithPasskey(options: { counting?: boolean } = {}) {
  const { user } = await createTestUser();
  const authenticator = new SoftAuthenticator({ counting: options.counting });
  const prisma = await db();
  await prisma.passkey.create({
    data: {
      id: authenticator.credentialId,
      userId: user.id,
      name: "soft",
      publicKey: authenticator.cosePublicKey(),
      counter: 0n,
      transports: ["internal"],
      deviceType: options.counting === false ? "multiDevice" : "singleDevice",
      backedUp: options.counting === false,
    },
  });
  return { user, authenticator };
}

async function userWithSigningKey() {
  const { user } = await createTestUser();
  const key = softSigningKey();
  const prisma = await db();
  const row = await prisma.signingKey.create({
    data: { userId: user.id, publicKey: key.publicKey, label: "bot" },
  });
  return { user, key, keyId: row.id };
}

const apiKeyStamp = (key: ReturnType<typeof softSigningKey>, text: string) =>
  formatApiKeyStamp({ publicKey: key.publicKey, signature: key.sign(text) });

async function commit(verification: StampVerification) {
  const prisma = await db();
  await prisma.$transaction((tx) => verification.commit(tx));
}

const passkeyRow = async (id: string) => (await db()).passkey.findUniqueOrThrow({ where: { id } });
const usedStampCount = async (userId: string) => (await db()).usedStamp.count({ where: { userId } });

describe("[STAMPS] web_authn: passkey assertions over the payload's SHA-256", () => {
  it("accepts valid stamps in payload order; commit advances the counter and records each stamp once", async () => {
    const { user, authenticator } = await userWithPasskey();
    const payloads = [payload("Approve 1,000 USDC"), payload("Swap 1,000 USDC for ≥ 0.0112 ETH")];
    const signatures = payloads.map((text) => authenticator.stamp(text));
    const verification = await verifyStamps({ userId: user.id, payloads, signatures, authType: "web_authn" });
    expect(await usedStampCount(user.id)).toBe(0); // nothing is written before commit

    await commit(verification);
    const stored = await passkeyRow(authenticator.credentialId);
    expect(stored.counter).toBe(2n);
    expect(stored.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await usedStampCount(user.id)).toBe(2);
  });

  it("accepts the raw 32-byte digest as the challenge too, and stamps sent as objects", async () => {
    const { user, authenticator } = await userWithPasskey();
    const text = payload("raw digest");
    const stamp = JSON.parse(authenticator.stamp(text, { rawDigest: true })) as object;
    await expect(
      verifyStamps({ userId: user.id, payloads: [text], signatures: [stamp], authType: "web_authn" }),
    ).resolves.toHaveProperty("commit");
  });

  it("accepts a synced passkey whose counter stays 0, and still uses each stamp once", async () => {
    const { user, authenticator } = await userWithPasskey({ counting: false });
    const text = payload("synced");
    const stamp = authenticator.stamp(text);
    await commit(
      await verifyStamps({ userId: user.id, payloads: [text], signatures: [stamp], authType: "web_authn" }),
    );
    expect((await passkeyRow(authenticator.credentialId)).counter).toBe(0n);

    // The counter cannot catch a replay of a counter-less passkey; the used-stamp record does.
    await expect(
      verifyStamps({ userId: user.id, payloads: [text], signatures: [stamp], authType: "web_authn" }),
    ).rejects.toMatchObject({ code: "forbidden", message: "signatures[0]: this stamp was already used." });
    // A fresh assertion over the same payload by the same passkey is the same stamp, too.
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: [text],
        signatures: [authenticator.stamp(text)],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: "signatures[0]: this stamp was already used." });
  });

  const refusals: [string, (auth: SoftAuthenticator, text: string) => string, RegExp][] = [
    [
      "without user verification",
      (auth, text) => auth.stamp(text, { userVerified: false }),
      /^signatures\[0\]: the passkey did not verify the user/,
    ],
    [
      "without user presence",
      (auth, text) => auth.stamp(text, { userPresent: false }),
      /^signatures\[0\]: the authenticator did not report user presence/,
    ],
    [
      "made on another origin",
      (auth, text) => auth.stamp(text, { origin: "https://evil.example" }),
      /^signatures\[0\]: was made on https:\/\/evil\.example, which is not an allowed origin/,
    ],
    [
      "made for another RP ID",
      (auth, text) => auth.stamp(text, { rpId: "evil.example" }),
      /^signatures\[0\]: was made for another relying party \(RP ID\), not localhost/,
    ],
    [
      "made for another payload",
      (auth) => auth.stamp(payload("a different order")),
      /^signatures\[0\]: was signed for another payload/,
    ],
    [
      "a registration response, not an assertion",
      (auth, text) => auth.stamp(text, { type: "webauthn.create" }),
      /^signatures\[0\]: is a webauthn\.create response, not an assertion/,
    ],
    [
      "with a tampered signature",
      (auth, text) => {
        const stamp = JSON.parse(auth.stamp(text)) as Record<string, string>;
        const other = JSON.parse(auth.stamp(payload("other"))) as Record<string, string>;
        return JSON.stringify({ ...stamp, signature: other.signature });
      },
      /^signatures\[0\]: the signature does not verify against payloads\[0\]/,
    ],
  ];
  it.each(refusals)("refuses a stamp %s (403), writing nothing", async (_name, makeStamp, message) => {
    const { user, authenticator } = await userWithPasskey();
    const text = payload("Approve 5 USDC");
    const attempt = verifyStamps({
      userId: user.id,
      payloads: [text],
      signatures: [makeStamp(authenticator, text)],
      authType: "web_authn",
    });
    await expect(attempt).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(message),
    });
    expect((await passkeyRow(authenticator.credentialId)).counter).toBe(0n);
    expect(await usedStampCount(user.id)).toBe(0);
  });

  it("refuses another user's passkey exactly like an unknown one", async () => {
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();
    const text = payload("Bob's order");
    const withAlicesKey = verifyStamps({
      userId: bob.user.id,
      payloads: [text],
      signatures: [alice.authenticator.stamp(text)],
      authType: "web_authn",
    });
    await expect(withAlicesKey).rejects.toMatchObject({
      code: "forbidden",
      message: "signatures[0]: this passkey is not registered to this account.",
    });
    const unknown = new SoftAuthenticator();
    await expect(
      verifyStamps({
        userId: bob.user.id,
        payloads: [text],
        signatures: [unknown.stamp(text)],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "signatures[0]: this passkey is not registered to this account.",
    });
  });

  it("refuses a replayed counter: against the stored counter, and between stamps of one request", async () => {
    const { user, authenticator } = await userWithPasskey();
    const first = payload("first");
    await commit(
      await verifyStamps({
        userId: user.id,
        payloads: [first],
        signatures: [authenticator.stamp(first, { counter: 5 })],
        authType: "web_authn",
      }),
    );
    const second = payload("second");
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: [second],
        signatures: [authenticator.stamp(second, { counter: 5 })],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "signatures[0]: replays a signature counter (5, last seen 5).",
    });

    // Counters carry from stamp to stamp: the second assertion must be newer than the first.
    const pair = [payload("a"), payload("b")];
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: pair,
        signatures: [
          authenticator.stamp(pair[0]!, { counter: 9 }),
          authenticator.stamp(pair[1]!, { counter: 7 }),
        ],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "signatures[1]: replays a signature counter (7, last seen 9).",
    });
    expect((await passkeyRow(authenticator.credentialId)).counter).toBe(5n);
  });

  it("lets only one of two concurrent requests with the same stamps commit: the other gets 409", async () => {
    const { user, authenticator } = await userWithPasskey();
    const text = payload("race");
    const stamp = authenticator.stamp(text);
    const one = await verifyStamps({
      userId: user.id,
      payloads: [text],
      signatures: [stamp],
      authType: "web_authn",
    });
    const two = await verifyStamps({
      userId: user.id,
      payloads: [text],
      signatures: [stamp],
      authType: "web_authn",
    });
    await commit(one);
    await expect(commit(two)).rejects.toMatchObject({ code: "conflict" });
    expect(await usedStampCount(user.id)).toBe(1);
  });

  it("answers 400 for malformed stamps and a count mismatch, before any cryptography", async () => {
    const { user, authenticator } = await userWithPasskey();
    const payloads = [payload("one"), payload("two")];
    await expect(
      verifyStamps({
        userId: user.id,
        payloads,
        signatures: [authenticator.stamp(payloads[0]!)],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "Expected 2 signatures (one per payload, in order), got 1.",
    });
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: payloads.slice(0, 1),
        signatures: ["{not json"],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "signatures[0]: the web_authn stamp is not JSON.",
    });
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: payloads.slice(0, 1),
        signatures: [authenticator.stamp(payloads[0]!)],
        authType: "passkey" as never,
      }),
    ).rejects.toMatchObject({ code: "bad_request", message: 'auth_type must be "web_authn" or "api_key".' });
    // An api_key stamp sent as web_authn is malformed for that type.
    const key = softSigningKey();
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: payloads.slice(0, 1),
        signatures: [apiKeyStamp(key, payloads[0]!)],
        authType: "web_authn",
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("looks base64url-encoded"),
    });
  });
});

describe("[STAMPS] api_key: ECDSA P-256 over the payload bytes with a registered key", () => {
  it("accepts a valid stamp per payload; commit records the key's use and each stamp once", async () => {
    const { user, key, keyId } = await userWithSigningKey();
    const payloads = [payload("Approve"), payload("Swap")];
    const verification = await verifyStamps({
      userId: user.id,
      payloads,
      signatures: payloads.map((text) => apiKeyStamp(key, text)),
      authType: "api_key",
    });
    await commit(verification);
    const row = await (await db()).signingKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(await usedStampCount(user.id)).toBe(2);

    // A second execute with the same stamps is refused.
    await expect(
      verifyStamps({
        userId: user.id,
        payloads,
        signatures: payloads.map((text) => apiKeyStamp(key, text)),
        authType: "api_key",
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: "signatures[0]: this stamp was already used." });
  });

  it("accepts a stamp made by Turnkey's own @turnkey/api-key-stamper (0.6.17, golden)", async () => {
    // Generated once with `new ApiKeyStamper({apiPublicKey, apiPrivateKey}).stamp(body)`; its s is
    // high (no low-S normalisation), which must verify too.
    const turnkey = {
      publicKey: "0211333c923821ab58ff22f59faa6ca5e77e2f6c95bdb18dfc77eca789042be788",
      body: '{"v":1,"summary":"Approve 1,000 USDC"}',
      stamp:
        "eyJwdWJsaWNLZXkiOiIwMjExMzMzYzkyMzgyMWFiNThmZjIyZjU5ZmFhNmNhNWU3N2UyZjZjOTViZGIxOGRmYzc3ZWNhNzg5MDQyYmU3ODgiLCJzY2hlbWUiOiJTSUdOQVRVUkVfU0NIRU1FX1RLX0FQSV9QMjU2Iiwic2lnbmF0dXJlIjoiMzA0NjAyMjEwMGExMDg2NzJiOTQ1MzVhMmMyNThjYzVjYmEyMzY0M2FkMDUwYjZiOGYwNzg2MzFhNWVmNDNkODkzMjRjYTlmMjIwMjIxMDBmYjg0MDc3M2IxOTQ3Mzg2ZmFmZDk5MDE0OTg5NGYxYTA2NDkwZDBiY2IxZGQ0M2Q5NTZjMTk2OThmZjkxYzBkIn0",
    };
    const { user } = await createTestUser();
    await (
      await db()
    ).signingKey.create({ data: { userId: user.id, publicKey: turnkey.publicKey, label: "turnkey" } });
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: [turnkey.body],
        signatures: [turnkey.stamp],
        authType: "api_key",
      }),
    ).resolves.toHaveProperty("commit");
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: [`${turnkey.body}\n`],
        signatures: [turnkey.stamp],
        authType: "api_key",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a stamp by an unregistered key, another user's key, or a revoked key (403)", async () => {
    const alice = await userWithSigningKey();
    const bob = await userWithSigningKey();
    const text = payload("Bob's swap");
    const stranger = softSigningKey();
    for (const key of [stranger, alice.key]) {
      await expect(
        verifyStamps({
          userId: bob.user.id,
          payloads: [text],
          signatures: [apiKeyStamp(key, text)],
          authType: "api_key",
        }),
      ).rejects.toMatchObject({
        code: "forbidden",
        message: `signatures[0]: signing key ${key.publicKey} is not registered to this account, or was revoked.`,
      });
    }
    await (await db()).signingKey.update({ where: { id: bob.keyId }, data: { revokedAt: new Date() } });
    await expect(
      verifyStamps({
        userId: bob.user.id,
        payloads: [text],
        signatures: [apiKeyStamp(bob.key, text)],
        authType: "api_key",
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("or was revoked") });
  });

  it("refuses a stamp over another payload (a stamp for order A sent to order B)", async () => {
    const { user, key } = await userWithSigningKey();
    const orderA = payload("order A");
    const orderB = payload("order B");
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: [orderB],
        signatures: [apiKeyStamp(key, orderA)],
        authType: "api_key",
      }),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "signatures[0]: the signature does not verify against payloads[0].",
    });
    // Even a one-character change of the stored text.
    await expect(
      verifyStamps({
        userId: user.id,
        payloads: [`${orderA} `],
        signatures: [apiKeyStamp(key, orderA)],
        authType: "api_key",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a key revoked between verification and commit", async () => {
    const { user, key, keyId } = await userWithSigningKey();
    const text = payload("late revoke");
    const verification = await verifyStamps({
      userId: user.id,
      payloads: [text],
      signatures: [apiKeyStamp(key, text)],
      authType: "api_key",
    });
    await (await db()).signingKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    await expect(commit(verification)).rejects.toMatchObject({ code: "forbidden" });
    expect(await usedStampCount(user.id)).toBe(0);
  });

  it("answers 400 with a precise message for each malformed encoding", async () => {
    const { user, key } = await userWithSigningKey();
    const text = payload("malformed");
    const der = key.sign(text);
    const b64 = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)));
    const cases: [unknown, string][] = [
      [42, "signatures[0]: an api_key stamp must be a base64url string."],
      [
        Buffer.from(apiKeyStamp(key, text), "base64url").toString("base64").replace(/=+$/, "") + "+/",
        "signatures[0]: the api_key stamp uses base64's '+' or '/'; base64url ('-', '_') expected.",
      ],
      [
        b64({
          publicKey: key.publicKey,
          scheme: "SIGNATURE_SCHEME_TK_API_ED25519",
          signature: Buffer.from(der).toString("hex"),
        }),
        "signatures[0]: scheme SIGNATURE_SCHEME_TK_API_ED25519 is not supported; only SIGNATURE_SCHEME_TK_API_P256.",
      ],
      [
        b64({
          publicKey: `02${"00".repeat(31)}01`,
          scheme: "SIGNATURE_SCHEME_TK_API_P256",
          signature: Buffer.from(der).toString("hex"),
        }),
        "signatures[0]: publicKey is not a point on the P-256 curve.",
      ],
      [
        b64({
          publicKey: key.publicKey,
          scheme: "SIGNATURE_SCHEME_TK_API_P256",
          signature: Buffer.from(der).toString("base64"),
        }),
        "signatures[0]: signature is not hex; it is the hex of a DER ECDSA signature.",
      ],
    ];
    for (const [stamp, message] of cases) {
      await expect(
        verifyStamps({ userId: user.id, payloads: [text], signatures: [stamp], authType: "api_key" }),
      ).rejects.toMatchObject({ code: "bad_request", message });
    }
    await expect(
      verifyStamps({ userId: user.id, payloads: [text], signatures: "nope" as never, authType: "api_key" }),
    ).rejects.toMatchObject({ code: "bad_request", message: "signatures must be an array of stamps." });
  });
});
