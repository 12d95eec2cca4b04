// Plain pg pools beside the Prisma client (the rate limiters keep their counters through one).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

/**
 * A pool on DATABASE_URL that survives the database going away. pg emits "error" on the pool when
 * an IDLE connection dies (server restart, pg_terminate_backend, network cut); with no listener
 * that is an uncaught exception and the whole server process exits. The dead connection is
 * already discarded by the pool; the next query opens a new one.
 */
export function createPool(name: string, options: { max: number }): pg.Pool {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    // Tells the connections apart in pg_stat_activity (and in the tests' statement counter).
    application_name: `safe-passage ${name}`,
    max: options.max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => console.warn(`${name}: idle database connection lost: ${error.message}`));
  return pool;
}

/**
 * The pool as rate-limiter-flexible's store, with every statement unnamed. The library names its
 * prepared statements ("rate_limits:rlflx-upsert"); the embedded PGlite serves all connections
 * from one session, so a second connection preparing the same name failed with "prepared statement
 * … already exists": after one gift in the demo, every sign-in failed. Unnamed statements cost a
 * parse per query, nothing at this size, and behave the same on any PostgreSQL.
 */
export function unnamedStatementStore(pool: pg.Pool): {
  query: (config: pg.QueryConfig) => Promise<pg.QueryResult>;
} {
  return { query: (config) => pool.query({ text: config.text, values: config.values }) };
}
