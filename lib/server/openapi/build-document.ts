import { z } from "zod";
import type { ApiOperation, ApiSurface } from "@/lib/contracts/operations";

/**
 * The OpenAPI 3.1 document of the API, generated from the surfaces' zod contracts with zod 4's
 * `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Named schemas become
 * components; request schemas are described as clients send them (`io: "input"`), responses as
 * the server answers (`io: "output"`).
 */

type JsonSchema = Record<string, unknown>;
const REF = (name: string) => `#/components/schemas/${name}`;

export function buildOpenApiDocument(surfaces: ApiSurface[], options: { version: string }) {
  const requestNames = namesOf(surfaces, "requestSchemas");
  const responseNames = namesOf(surfaces, "responseSchemas");
  const schemas = {
    ...components(requestNames, "input"),
    ...components(responseNames, "output"),
  };
  const inline = (schema: z.ZodType, names: Map<z.ZodType, string>, io: "input" | "output"): JsonSchema => {
    const name = names.get(schema);
    return name ? { $ref: REF(name) } : jsonSchema(schema, io);
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const surface of surfaces) {
    for (const operation of surface.operations) {
      const item = (paths[operation.path] ??= {});
      item[operation.method] = {
        tags: [surface.name],
        summary: operation.summary,
        ...(operation.description ? { description: operation.description } : {}),
        operationId: operationId(operation),
        ...(operation.auth === "public"
          ? { security: [] }
          : operation.auth === "maker"
            ? { security: [{ makerSession: [] }] }
            : { "x-scopes": operation.auth, security: [{ token: [] }, { session: [] }] }),
        parameters: [...parameters(operation.params, "path"), ...parameters(operation.query, "query")],
        ...(operation.body
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: inline(operation.body, requestNames, "input") } },
              },
            }
          : {}),
        responses: Object.fromEntries(
          Object.entries(operation.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              ...(response.schema
                ? {
                    content: {
                      "application/json": { schema: inline(response.schema, responseNames, "output") },
                    },
                  }
                : {}),
            },
          ]),
        ),
      };
    }
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Tranche API",
      version: options.version,
      description: surfaces.map((surface) => `**${surface.name}**: ${surface.description}`).join("\n\n"),
    },
    tags: surfaces.map((surface) => ({ name: surface.name, description: surface.description })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        token: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "An API token: `Token <token>` (Core Order API), `Bearer <token>`, `X-API-Key: <token>` or Basic `username:token`.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The dashboard's session.",
        },
        makerSession: {
          type: "http",
          scheme: "bearer",
          description:
            "An RFQ maker's session token from POST /api/v1/makers/connect (Sign-In with Ethereum).",
        },
      },
    },
  };
}

function namesOf(surfaces: ApiSurface[], key: "requestSchemas" | "responseSchemas"): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  for (const surface of surfaces) {
    for (const [name, schema] of Object.entries(surface[key])) {
      if (names.has(schema)) continue;
      names.set(schema, name);
    }
  }
  return names;
}

/** Named schemas as components; a named schema inside another becomes a $ref. */
function components(names: Map<z.ZodType, string>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: REF, io, unrepresentable: "any" });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, clean(schema as JsonSchema)]),
  );
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return clean(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema);
}

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function parameters(object: z.ZodObject | undefined, location: "path" | "query") {
  if (!object) return [];
  return Object.entries(object.shape).map(([name, field]) => {
    const schema = jsonSchema(field as z.ZodType, "input");
    const { description, ...rest } = schema;
    return {
      name,
      in: location,
      required: location === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

function operationId(operation: ApiOperation): string {
  const words = operation.path
    .split(/[/{}_.]+/)
    .filter((word) => word && word !== "api")
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return `${operation.method}${words.join("")}`;
}
