import "server-only";
import packageJson from "@/package.json";
import { buildOpenApiDocument } from "./build-document";
import { API_SURFACES } from "./surfaces";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI document of every registered surface, built once per process. */
export function getOpenApiDocument() {
  return (cached ??= buildOpenApiDocument(API_SURFACES, { version: packageJson.version }));
}
