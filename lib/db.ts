// The one Prisma client, through adapter-pg whether the database is embedded or a server.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** The application_name of the app's own Prisma connections. */
export const APP_CONNECTION_NAME = "safe-passage";

function createClient(connectionString: string): PrismaClient {
  const options: pg.PoolConfig = {
    connectionString,
    // Fail fast while the database is down instead of queueing requests for ever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    max: 10,
    // Tells the app's connections apart in pg_stat_activity (and in the tests' statement counter).
    application_name: APP_CONNECTION_NAME,
  };
  return new PrismaClient({ adapter: new PrismaPg(options) });
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
