import { nextAuthRoute } from "@/lib/server/auth/next-auth";

export const dynamic = "force-dynamic";

// GET /api/auth/* — next-auth (session, csrf, providers, sign-out page)
export const GET = nextAuthRoute;

// POST /api/auth/* — next-auth sign-in / sign-out, behind the login throttle
export const POST = nextAuthRoute;
