import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, isAppError, type FieldError } from "@/lib/domain/shared/errors";
import type { TScope } from "@/lib/contracts/auth";
import { authenticate, type Principal } from "../auth/authenticate";
import { authenticateMaker, type MakerPrincipal } from "../auth/maker-session";
import type { Dialect } from "./dialect";
import { assertJsonContentType, isUnsafeMethod, readBodyText } from "./request-guards";
import { limitChange } from "./rate-limit";

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface HandlerSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> {
  dialect: Dialect;
  /**
   * Required scopes; "public" for the few routes that need no credentials; "maker" for the RFQ
   * desk's maker routes (a wallet's Sign-In-with-Ethereum session, not a user). `manageAccount`: a
   * change to the account itself (password, passkeys, new tokens) — a signed-in browser, or a token
   * with the `admin` scope; a `read` or `trade` token cannot take over the account it belongs to.
   */
  auth: { scopes: TScope[]; manageAccount?: boolean } | "public" | "maker";
  params?: P;
  query?: Q;
  body?: B;
}

export interface HandlerContext<P, Q, B, A> {
  request: NextRequest;
  principal: A;
  params: P;
  query: Q;
  body: B;
  requestId: string;
}

type PrincipalOf<Auth> = Auth extends "public" ? null : Auth extends "maker" ? MakerPrincipal : Principal;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** A JSON response with a status (handlers return plain objects for 200). */
export const json = (body: unknown, status = 200, headers?: HeadersInit): Response =>
  Response.json(body, { status, headers });

export const zodIssues = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
    kind: issue.code === "invalid_type" && issue.input === undefined ? "missing" : issue.code,
    path: issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment))),
    ...(issue.code === "custom" && issue.params ? { params: issue.params } : {}),
  }));

/**
 * The one shape of every route handler: authenticate, validate params / query / body with zod,
 * call one service, serialize. Bad JSON and failed validation become the dialect's 400; typed
 * errors go through the dialect's table; anything else is a logged 500 with a request id.
 */
export function handler<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  Auth extends { scopes: TScope[]; manageAccount?: boolean } | "public" | "maker" = { scopes: TScope[] },
>(
  spec: HandlerSpec<P, Q, B> & { auth: Auth },
  run: (context: HandlerContext<Out<P>, Out<Q>, Out<B>, PrincipalOf<Auth>>) => Promise<Response | object>,
): (request: NextRequest, context: RouteContext) => Promise<Response> {
  const { dialect } = spec;
  return async (request, routeContext) => {
    const requestId = randomUUID();
    let response: Response;
    try {
      let principal: Principal | MakerPrincipal | null = null;
      if (spec.auth === "maker") principal = await authenticateMaker(request);
      else if (spec.auth !== "public") {
        const user = await authenticate(request, { scopes: spec.auth.scopes });
        if (spec.auth.manageAccount && user.via === "token" && !user.scopes.includes("admin")) {
          throw new AppError(
            "forbidden",
            "Managing the account (password, passkeys, tokens) needs a signed-in browser session or an admin-scope token.",
          );
        }
        principal = user;
      }
      if (isUnsafeMethod(request.method)) limitChange(principal, request);
      const params = spec.params
        ? parse(dialect, spec.params, (await routeContext?.params) ?? {}, "params")
        : undefined;
      const query = spec.query ? parse(dialect, spec.query, queryObject(request), "query") : undefined;
      const body = spec.body
        ? parse(dialect, spec.body, await readJson(request, dialect), "body")
        : undefined;
      const result = await run({
        request,
        principal: principal as PrincipalOf<Auth>,
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        requestId,
      });
      response = result instanceof Response ? result : json(result);
    } catch (error) {
      response = errorResponse(dialect, error, requestId, request);
    }
    response.headers.set("X-Request-Id", requestId);
    return response;
  };
}

export function errorResponse(
  dialect: Dialect,
  error: unknown,
  requestId: string,
  request?: Request,
): Response {
  if (isAppError(error)) {
    const response = dialect.errorResponse(error);
    if (error.retryAfterSeconds !== undefined)
      response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  console.error(
    `[api] ${request?.method ?? ""} ${request ? new URL(request.url).pathname : ""} failed (request ${requestId})`,
    error,
  );
  return dialect.internalErrorResponse(requestId);
}

function parse<S extends Schema>(
  dialect: Dialect,
  schema: S,
  input: unknown,
  part: "body" | "query" | "params",
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw dialect.validationError(zodIssues(result.error), part, input);
  return result.data;
}

/** Query string as an object; a repeated key becomes an array. */
function queryObject(request: NextRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of request.nextUrl.searchParams) {
    const previous = out[key];
    out[key] =
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/**
 * The JSON body; an empty body reads as `{}` (as the Python clients of these APIs send it). A
 * non-empty body must be declared `application/json` and is read up to MAX_BODY_BYTES.
 */
async function readJson(request: Request, dialect: Dialect): Promise<unknown> {
  const text = await readBodyText(request, dialect);
  if (text.trim() === "") return {};
  assertJsonContentType(request, dialect);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw dialect.malformedBodyError(`JSON parse error - ${(error as Error).message}`);
  }
}

export { AppError };
