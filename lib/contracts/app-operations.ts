import { z } from "zod";
import type { ApiSurface } from "./operations";
import { ZMeResponse } from "./auth";
import { ZHealth, ZIdParams } from "./common";
import { ZCreateTokenRequest, ZCreatedToken, ZToken, ZTokenList } from "./tokens";
import { ZChangePasswordRequest, ZCreateUserRequest, ZUpdateUserRequest, ZUser, ZUserList } from "./users";
import { ZAuditPage, ZAuditQuery } from "./audit";
import {
  ZLoginOptions,
  ZPasskey,
  ZPasskeyIdParams,
  ZPasskeyList,
  ZRegisterPasskeyRequest,
  ZRegistrationOptions,
  ZRegistrationOptionsRequest,
  ZRenamePasskeyRequest,
  ZStampOptions,
  ZStepUpOptions,
} from "./passkeys";
import { ZCreateSigningKeyRequest, ZCreatedSigningKey, ZSigningKey, ZSigningKeyList } from "./signing-keys";

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
      summary: "Change a user's role, disable them, or turn their api_key stamps off (admin).",
      auth: ["admin"],
      params: ZIdParams,
      body: ZUpdateUserRequest,
      responses: { 200: { description: "The user.", schema: ZUser }, 404: error("No such user."), ...ADMIN },
    },
    {
      method: "get",
      path: "/api/audit_log/",
      summary: "The audit log, newest first (admin).",
      description:
        "Sign-ins, step-up refusals, token, passkey, signing-key and user changes, cancel-all and faucet mints. Append-only. Page with `before` = the previous page's `next_before`.",
      auth: ["admin"],
      query: ZAuditQuery,
      responses: { 200: { description: "Events.", schema: ZAuditPage }, 400: error("Bad query."), ...ADMIN },
    },
    {
      method: "post",
      path: "/api/auth/passkey/options",
      summary: "A passkey sign-in challenge and its id.",
      auth: "public",
      responses: { 200: { description: "Request options.", schema: ZLoginOptions } },
    },
    {
      method: "post",
      path: "/api/auth/step_up/options",
      summary: "A challenge only the caller's passkeys can answer, to confirm a sensitive change.",
      description:
        "Answer it with startAuthentication() and send `step_up: {challenge_id, response}` with the change (adding a passkey, registering a signing key). A user without a passkey sends `step_up: {password}` from a browser session instead (400 here says so).",
      auth: [],
      responses: {
        200: { description: "Request options.", schema: ZStepUpOptions },
        400: error("The caller has no passkey."),
        ...AUTH,
      },
    },
    {
      method: "get",
      path: "/api/passkeys/",
      summary: "The caller's passkeys.",
      auth: [],
      responses: { 200: { description: "Passkeys.", schema: ZPasskeyList }, ...AUTH },
    },
    {
      method: "post",
      path: "/api/passkeys/register/options",
      summary:
        "Start adding a passkey (browser session; a step-up with an existing passkey once there is one).",
      auth: [],
      body: ZRegistrationOptionsRequest,
      responses: {
        200: { description: "Creation options.", schema: ZRegistrationOptions },
        403: error("Not a browser session, or the step-up is missing or wrong."),
        ...AUTH,
      },
    },
    {
      method: "post",
      path: "/api/passkeys/register/verify",
      summary: "Finish adding a passkey.",
      auth: [],
      body: ZRegisterPasskeyRequest,
      responses: {
        201: { description: "The passkey.", schema: ZPasskey },
        400: error("The attestation does not verify, or the challenge expired."),
        409: error("Already registered."),
        ...AUTH,
      },
    },
    {
      method: "patch",
      path: "/api/passkeys/{id}",
      summary: "Rename one of the caller's passkeys.",
      auth: [],
      params: ZPasskeyIdParams,
      body: ZRenamePasskeyRequest,
      responses: {
        200: { description: "The passkey.", schema: ZPasskey },
        404: error("No such passkey."),
        ...AUTH,
      },
    },
    {
      method: "delete",
      path: "/api/passkeys/{id}",
      summary: "Delete one of the caller's passkeys.",
      auth: [],
      params: ZPasskeyIdParams,
      responses: { 204: { description: "Deleted." }, 404: error("No such passkey."), ...AUTH },
    },
    {
      method: "post",
      path: "/api/passkeys/stamp/options",
      summary: "RP ID and the caller's credentials, to stamp Gateway payloads.",
      auth: [],
      responses: { 200: { description: "Stamp options.", schema: ZStampOptions }, ...AUTH },
    },
    {
      method: "get",
      path: "/api/signing_keys/",
      summary: "The caller's P-256 signing keys (api_key stamps).",
      auth: ["read"],
      responses: { 200: { description: "Keys.", schema: ZSigningKeyList }, ...AUTH },
    },
    {
      method: "post",
      path: "/api/signing_keys/",
      summary: "Register a compressed P-256 public key for api_key stamps.",
      description:
        "One's own key needs `step_up`: a passkey assertion (see /api/auth/step_up/options), or `{password}` from a browser session for a user without a passkey. An admin-scope caller may instead provision a key for `user_id`. Both are audited.",
      auth: ["trade"],
      body: ZCreateSigningKeyRequest,
      responses: {
        201: { description: "The key.", schema: ZCreatedSigningKey },
        400: error("Invalid key or label."),
        403: error("Step-up missing or wrong, api_key stamps turned off, or not an admin."),
        409: error("The key is already registered."),
        ...AUTH,
      },
    },
    {
      method: "delete",
      path: "/api/signing_keys/{id}",
      summary: "Revoke a signing key (idempotent).",
      auth: ["trade"],
      params: ZIdParams,
      responses: {
        200: { description: "The key.", schema: ZSigningKey },
        404: error("No such key."),
        ...AUTH,
      },
    },
  ],
  requestSchemas: {
    CreateTokenRequest: ZCreateTokenRequest,
    CreateUserRequest: ZCreateUserRequest,
    UpdateUserRequest: ZUpdateUserRequest,
    ChangePasswordRequest: ZChangePasswordRequest,
    CreateSigningKeyRequest: ZCreateSigningKeyRequest,
  },
  responseSchemas: {
    Me: ZMeResponse,
    Token: ZToken,
    CreatedToken: ZCreatedToken,
    TokenList: ZTokenList,
    User: ZUser,
    UserList: ZUserList,
    AuditPage: ZAuditPage,
    Passkey: ZPasskey,
    SigningKey: ZSigningKey,
    AppError: ZAppError,
  },
};
