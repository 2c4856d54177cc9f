import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WebAssembly through `new URL(…, import.meta.url)`, which bundling breaks;
  // pg and the socket server are plain Node packages better left to Node's resolver.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg"],
  // The Core Order API documents paths with a trailing slash and its clients send them:
  // answer both spellings without a redirect.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
