import "server-only";
import NextAuth, { type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";
import { isAppError } from "@/lib/domain/shared/errors";
import { authSecret, secureCookies } from "./secret";
import { assertLoginAllowed, clientIp, normalizeEmail, verifyLogin } from "./login";
import { verifyPasskeyLogin } from "./passkeys";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === "string" ? value : undefined;
}

/** next-auth v4 with JWT sessions; the secret comes from the environment or the database. */
export async function authOptions(): Promise<NextAuthOptions> {
  return {
    secret: await authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const headers = new Headers();
          for (const name of ["x-tranche-peer", "x-forwarded-for"]) {
            const value = headerValue(req.headers, name);
            if (value) headers.set(name, value);
          }
          try {
            const user = await verifyLogin({
              email: credentials.email,
              password: credentials.password,
              ip: clientIp(headers),
            });
            return user ? { id: user.id, email: user.email, role: user.role } : null;
          } catch (error) {
            if (isAppError(error) && error.code === "rate_limited") throw new Error("RateLimited");
            throw error;
          }
        },
      }),
      CredentialsProvider({
        id: "passkey",
        name: "Passkey",
        // The assertion from @simplewebauthn/browser (JSON text) and the id of the sign-in challenge
        // it answers (POST /api/auth/passkey/options).
        credentials: {
          challengeId: { label: "Challenge id", type: "text" },
          response: { label: "Assertion", type: "text" },
        },
        async authorize(credentials) {
          if (!credentials?.challengeId || !credentials.response) return null;
          let response: unknown;
          try {
            response = JSON.parse(credentials.response);
          } catch {
            return null;
          }
          const user = await verifyPasskeyLogin({ challengeId: credentials.challengeId, response });
          await recordAudit(await db(), {
            action: user ? "sign_in" : "sign_in.failed",
            actor: user ? { userId: user.id, via: "session" } : null,
            details: { method: "passkey" },
          });
          return user ? { id: user.id, email: user.email, role: user.role } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/**
 * The next-auth route, with the login throttle in front: a throttled email or IP gets 429 before
 * any password is checked. The JSON body keeps `url` so next-auth's client reads `error=RateLimited`.
 */
export async function nextAuthRoute(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (request.method === "POST" && nextauth?.[0] === "callback" && nextauth[1] === "password") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && email.trim()) {
      try {
        await assertLoginAllowed({ email: normalizeEmail(email), ip: clientIp(request.headers) });
      } catch (error) {
        if (!isAppError(error) || error.code !== "rate_limited") throw error;
        const url = new URL("/login?error=RateLimited", request.url).toString();
        return Response.json(
          { url, detail: error.message },
          { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds ?? 60) } },
        );
      }
    }
  }
  return NextAuth(request, context, await authOptions());
}
