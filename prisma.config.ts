import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The native schema-engine binary is downloaded from binaries.prisma.sh, which this machine cannot reach.
// `prisma generate` never runs it but insists that the path resolves: point it at a stub that explains.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./scripts/no-schema-engine.sh", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
