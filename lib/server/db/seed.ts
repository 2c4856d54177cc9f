import type { PrismaClient } from "./generated/client";
import { generatePassword, hashPassword } from "../auth/password";
import { hashTokenValue, tokenDisplayPrefix } from "../auth/token-secret";
import { ALL_SCOPES } from "../../contracts/auth";
import { createPaperAccount } from "../services/accounts/paper-account";
import { ensureLedger } from "../services/ledger/ensure-ledger";

export const DEFAULT_ADMIN_EMAIL = "admin@tranche.local";

/**
 * First start on an empty database: create the admin. With TRANCHE_ADMIN_EMAIL, TRANCHE_ADMIN_PASSWORD
 * and TRANCHE_ADMIN_TOKEN set, the admin gets exactly those (scripts and CI rely on the token value);
 * otherwise a password is generated and printed once. There is never a fixed default password.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<void> {
  await seedAdmin(prisma);
  // Every start: the offline DeFi chain (pools, and the first admin funded) when it is not there yet.
  await ensureLedger(prisma);
}

async function seedAdmin(prisma: PrismaClient): Promise<void> {
  if ((await prisma.user.count()) > 0) return;
  const email = (process.env.TRANCHE_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const givenPassword = process.env.TRANCHE_ADMIN_PASSWORD;
  const password = givenPassword || generatePassword();
  const token = process.env.TRANCHE_ADMIN_TOKEN;
  const passwordHash = await hashPassword(password);
  try {
    await prisma.$transaction(async (tx) => {
      const admin = await tx.user.create({
        data: {
          email,
          username: "admin",
          passwordHash,
          role: "admin",
          tokens: token
            ? {
                create: {
                  label: "TRANCHE_ADMIN_TOKEN",
                  tokenHash: hashTokenValue(token),
                  prefix: tokenDisplayPrefix(token),
                  scopes: [...ALL_SCOPES],
                },
              }
            : undefined,
        },
      });
      await createPaperAccount(tx, admin.id);
    });
  } catch (error) {
    // Another process seeded first (several instances on one PostgreSQL): that is fine.
    if ((await prisma.user.count()) > 0) return;
    throw error;
  }
  if (!givenPassword) {
    console.log(
      [
        "",
        "  Tranche created the first admin user (this password is shown once):",
        `    email:    ${email}`,
        `    password: ${password}`,
        "  Change it in Settings, or set TRANCHE_ADMIN_EMAIL / TRANCHE_ADMIN_PASSWORD before the first start.",
        "",
      ].join("\n"),
    );
  }
}
