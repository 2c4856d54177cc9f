#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded on this machine kind.
# `prisma generate` only needs the path to exist; migrations go through scripts/prisma-migrate.mjs.
echo "The native Prisma schema engine is not available offline: use 'npm run db:migrate' / 'npm run db:deploy'." >&2
exit 1
