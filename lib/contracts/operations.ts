import type { z } from "zod";
import type { TScope } from "./auth";

/**
 * One HTTP operation as the OpenAPI document describes it. Each API surface lists its operations
 * next to its zod contracts (`lib/contracts/<surface>/operations.ts`); /api/openapi.json is built
 * from those lists, so the document cannot drift from the schemas the routes validate with.
 */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** As clients call it, e.g. "/api/orders/" or "/api/order/{id}". */
  path: string;
  summary: string;
  description?: string;
  /** Required scopes; "public" needs no credentials; "maker" an RFQ maker's SIWE session. */
  auth: TScope[] | "public" | "maker";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Documented answers by status: a description, and the body's schema when it has one. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

/**
 * A surface's operations, and the schemas it names as reusable components (name → schema): request
 * schemas are described as clients send them, response schemas as the server answers.
 */
export interface ApiSurface {
  name: string;
  description: string;
  operations: ApiOperation[];
  requestSchemas: Record<string, z.ZodType>;
  responseSchemas: Record<string, z.ZodType>;
}
