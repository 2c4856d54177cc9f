import { NextRequest } from "next/server";
import { db } from "../db";
import { createPaperAccount } from "../services/accounts/paper-account";
import { hashPassword } from "../auth/password";
import { generateTokenValue, hashTokenValue, tokenDisplayPrefix } from "../auth/token-secret";
import type { TScope } from "@/lib/contracts/auth";

type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent verbatim (to test malformed bodies). */
  body?: unknown;
  params?: Record<string, string | string[]>;
  token?: string;
}

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Call a real route handler the way Next does, and read its JSON answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
export async function call<T = any>(
  handler: RouteHandler,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Token ${options.token}`);
  // A browser on the app's own page sends its Origin with every change; `origin: ""` sends none.
  const method = (options.method ?? "GET").toUpperCase();
  if (headers.has("cookie") && !headers.has("origin") && !["GET", "HEAD"].includes(method)) {
    headers.set("origin", "http://localhost:3000");
  }
  if (headers.get("origin") === "") headers.delete("origin");
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new NextRequest(new URL(options.path ?? "/", "http://localhost:3000"), {
    method,
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export const ADMIN_TOKEN = () => process.env.TRANCHE_ADMIN_TOKEN!;

let counter = 0;

/** A user with a token (all the scopes its role allows unless given), straight in the database. */
export async function createTestUser(
  options: { role?: "admin" | "trader"; scopes?: TScope[]; email?: string; username?: string } = {},
) {
  const prisma = await db();
  const role = options.role ?? "trader";
  const email = options.email ?? `user${++counter}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const password = "correct horse battery staple";
  const token = generateTokenValue();
  const scopes: TScope[] =
    options.scopes ?? (role === "admin" ? ["read", "trade", "taker", "admin"] : ["read", "trade", "taker"]);
  const user = await prisma.user.create({
    data: {
      email,
      username: options.username ?? null,
      role,
      passwordHash: await hashPassword(password),
      tokens: {
        create: {
          label: "test",
          tokenHash: hashTokenValue(token),
          prefix: tokenDisplayPrefix(token),
          scopes,
        },
      },
    },
    include: { tokens: true },
  });
  const account = await createPaperAccount(prisma, user.id);
  return { user, token, tokenId: user.tokens[0]!.id, email, password, account };
}
