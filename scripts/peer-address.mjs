// Preloaded into the Next.js server by scripts/start.mjs (`node --import`): every HTTP request gets
// the TCP peer's address in `x-tranche-peer`, overwriting anything a client sent under that name.
// Next.js only fills `x-forwarded-for` when a client did not, so without this a client could name
// any IP it liked; lib/server/http/client-ip.ts trusts X-Forwarded-For only through
// TRANCHE_TRUSTED_PROXIES hops counted from this address.
import http from "node:http";

export const PEER_HEADER = "x-tranche-peer";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === "request" && request?.headers) {
    request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "unknown";
  }
  return emit.call(this, event, request, ...rest);
};
