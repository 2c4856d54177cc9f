import { describe, expect, it } from "vitest";
import { buildPayload, isPayloadExpired, MAX_PAYLOAD_TTL_MS, parsePayload, PayloadError } from "./payload";

const T0 = Date.UTC(2026, 10, 2, 14, 0, 0);
const BASE = {
  orderId: "0b6f1a52-5d3e-4c8e-9a51-2f1b7c9d0e11",
  userId: "4f7a2c1e-8b9d-4e6f-a1b2-c3d4e5f60718",
  step: 0,
  of: 2,
  nonce: "0123456789abcdef0123456789abcdef",
  now: T0,
  chainId: 31337,
  from: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  unsignedTransaction: "0x02e982",
  summary: "Approve 1,000 USDC",
};

describe("[DEFI] payload envelopes", () => {
  it("builds the canonical text, keys sorted, expiring five minutes after issue", () => {
    const { payload, text } = buildPayload(BASE);
    expect(text).toBe(
      '{"chainId":31337,"expiresAt":"2026-11-02T14:05:00.000Z","from":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8",' +
        '"issuedAt":"2026-11-02T14:00:00.000Z","kind":"evm_tx","nonce":"0123456789abcdef0123456789abcdef","of":2,' +
        '"orderId":"0b6f1a52-5d3e-4c8e-9a51-2f1b7c9d0e11","step":0,"summary":"Approve 1,000 USDC",' +
        '"unsignedTransaction":"0x02e982","userId":"4f7a2c1e-8b9d-4e6f-a1b2-c3d4e5f60718","v":1}',
    );
    expect(parsePayload(text)).toEqual(payload);
  });

  it("expires at expiresAt exactly", () => {
    const { payload } = buildPayload({ ...BASE, ttlMs: 60_000 });
    expect(isPayloadExpired(payload, T0 + 59_999)).toBe(false);
    expect(isPayloadExpired(payload, T0 + 60_000)).toBe(true);
  });

  it.each([
    [{ ttlMs: MAX_PAYLOAD_TTL_MS + 1 }, "lifetime"],
    [{ ttlMs: 0 }, "lifetime"],
    [{ nonce: "ABC" }, "nonce"],
    [{ nonce: "0123456789ABCDEF0123456789ABCDEF" }, "nonce"],
    [{ step: 2 }, "step"],
    [{ of: 0 }, "step"],
    [{ from: "0x1234" }, "from"],
    [{ unsignedTransaction: "0xf86c" }, "EIP-1559"],
    [{ chainId: 0 }, "chainId"],
    [{ summary: "" }, "summary"],
  ])("refuses to build with %j (%s)", (change, message) => {
    expect(() => buildPayload({ ...BASE, ...change })).toThrow(PayloadError);
    expect(() => buildPayload({ ...BASE, ...change })).toThrow(message);
  });

  it("reads back only canonical, complete envelopes", () => {
    const { text, payload } = buildPayload(BASE);
    expect(() => parsePayload(JSON.stringify(payload))).toThrow("canonical");
    expect(() => parsePayload(text.replace('"v":1', '"v":2'))).toThrow("version");
    expect(() => parsePayload(text.replace('{"chainId":31337,', '{"chainId":31337,"extra":1,'))).toThrow(
      "fields",
    );
    expect(() => parsePayload("not json")).toThrow("JSON");
    expect(() => parsePayload("[1]")).toThrow("object");
  });
});
