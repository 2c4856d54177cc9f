import { z } from "zod";
import type { ApiSurface } from "./operations";
import { ZMeResponse } from "./auth";
import { ZHealth, ZIdParams } from "./common";
import { ZCreateTokenRequest, ZCreatedToken, ZToken, ZTokenList } from "./tokens";
import { ZChangePasswordRequest, ZCreateUserRequest, ZUpdateUserRequest, ZUser, ZUserList } from "./users";

/** The app's own endpoints (identity, API tokens, users), for /api/openapi.json. */

const ZAppError = z
  .union([
    z.object({ detail: z.string() }),
    z.object({ error: z.string(), errors: z.array(z.string()).optional() }),
  ])
  .meta({
    description: "`{detail}` for authentication and permission, `{error}` (with `errors`) otherwise.",
  });
const error = (description: string) => ({ description, schema: ZAppError });
const AUTH = { 401: error("Missing or invalid credentials.") };
const ADMIN = { ...AUTH, 403: error("Admins only.") };

export const APP_SURFACE: ApiSurface = {
  name: "App",
  description: "Identity, API tokens and users. Any credential form, or the session cookie.",
  operations: [
    {
      method: "get",
      path: "/api/health",
      summary: "Liveness and database check.",
      auth: "public",
      responses: { 200: { description: "Up.", schema: ZHealth }, 503: error("The database is unavailable.") },
    },
    {
      method: "get",
      path: "/api/me",
      summary: "The caller's identity and the scopes of this request.",
      auth: [],
      responses: { 200: { description: "The caller.", schema: ZMeResponse }, ...AUTH },
    },
    {
      method: "post",
      path: "/api/me/password",
      summary: "Change one's own password.",
      auth: [],
      body: ZChangePasswordRequest,
      responses: {
        200: { description: "Changed.", schema: z.object({ status: z.literal("ok") }) },
        400: error("Invalid password, or the current one is wrong."),
        ...AUTH,
      },
    },
    {
      method: "get",
      path: "/api/tokens/",
      summary: "The caller's API tokens (never their values).",
      auth: [],
      responses: { 200: { description: "Tokens.", schema: ZTokenList }, ...AUTH },
    },
    {
      method: "post",
      path: "/api/tokens/",
      summary: "Mint an API token; its value is in this answer only.",
      auth: [],
      body: ZCreateTokenRequest,
      responses: {
        201: { description: "The token, with its value.", schema: ZCreatedToken },
        400: error("Invalid label, scopes or expiry."),
        ...AUTH,
        403: error("Scopes beyond the caller's, or another user's token without admin."),
      },
    },
    {
      method: "delete",
      path: "/api/tokens/{id}",
      summary: "Revoke a token (idempotent).",
      auth: [],
      params: ZIdParams,
      responses: {
        200: { description: "The revoked token.", schema: ZToken },
        404: error("No such token of the caller's."),
        ...AUTH,
      },
    },
    {
      method: "get",
      path: "/api/users/",
      summary: "Every user (admin).",
      auth: ["admin"],
      responses: { 200: { description: "Users.", schema: ZUserList }, ...ADMIN },
    },
    {
      method: "post",
      path: "/api/users/",
      summary: "Create a user (admin).",
      auth: ["admin"],
      body: ZCreateUserRequest,
      responses: {
        201: { description: "The user.", schema: ZUser },
        400: error("Invalid fields."),
        409: error("The email or username is taken."),
        ...ADMIN,
      },
    },
    {
      method: "patch",
      path: "/api/users/{id}",
      summary: "Change a user's role or disable them (admin).",
      auth: ["admin"],
      params: ZIdParams,
      body: ZUpdateUserRequest,
      responses: { 200: { description: "The user.", schema: ZUser }, 404: error("No such user."), ...ADMIN },
    },
  ],
  requestSchemas: {
    CreateTokenRequest: ZCreateTokenRequest,
    CreateUserRequest: ZCreateUserRequest,
    UpdateUserRequest: ZUpdateUserRequest,
    ChangePasswordRequest: ZChangePasswordRequest,
  },
  responseSchemas: {
    Me: ZMeResponse,
    Token: ZToken,
    CreatedToken: ZCreatedToken,
    TokenList: ZTokenList,
    User: ZUser,
    UserList: ZUserList,
    AppError: ZAppError,
  },
};
