// The one Prisma client, through adapter-pg whether the database is embedded or a server.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    // Fail fast while the database is down instead of queueing requests for ever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    max: 10,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as { prisma?: PrismaClient };

// `next build` loads route modules without a database; only a query needs one.
function missingDatabase(): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get() {
      throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    },
  });
}

export const db: PrismaClient =
  globalForPrisma.prisma ?? (env.DATABASE_URL ? createClient(env.DATABASE_URL) : missingDatabase());
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
