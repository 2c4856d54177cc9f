import "server-only";

/** Set by scripts/peer-address.mjs from the TCP connection: a client cannot choose it. */
const PEER_HEADER = "x-tranche-peer";

/**
 * How many reverse proxies in front of Tranche to believe (TRANCHE_TRUSTED_PROXIES, default 0).
 * With 0 the client is the TCP peer and X-Forwarded-For is ignored (any client can write it); with
 * N, the address the farthest of N trusted proxies saw: the N-th entry from the right of
 * X-Forwarded-For followed by the peer.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.TRANCHE_TRUSTED_PROXIES?.trim() ?? "";
  if (text === "") return 0;
  const hops = Number(text);
  if (!Number.isSafeInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRANCHE_TRUSTED_PROXIES must be a whole number of proxies from 0 to 10, got "${text}".`);
  }
  return hops;
}

/** The client's IP as far as it can be known; "unknown" when the server was not started by `npm start`. */
export function clientIp(headers: Headers): string {
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  const hops = trustedProxyHops();
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? peer;
}
