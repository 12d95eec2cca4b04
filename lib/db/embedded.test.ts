// The embedded PostgreSQL under concurrent parameterised queries from several connections, as
// the app's pool, the rate limiters and parallel test workers produce them.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";

let database: EmbeddedPostgres;

beforeAll(async () => {
  database = await startEmbeddedPostgres({});
});

afterAll(async () => database.stop());

describe("embedded PostgreSQL", () => {
  it("keeps each connection's statements and results its own", async () => {
    // Two pools, like two processes; statements with different parameter counts.
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: database.url, max: 6 }));
    try {
      const rounds = Array.from({ length: 600 }, (_, i) => {
        const pool = pools[i % 2]!;
        return i % 3 === 0
          ? pool.query<{ n: number; s: string }>("SELECT $1::int AS n, $2::text AS s", [i, `x${i}`])
          : pool.query<{ n: number; s: string }>("SELECT $1::int AS n, 'x' || $1::text AS s", [i]);
      });
      const results = await Promise.all(rounds);
      results.forEach((result, i) => {
        expect(result.rows).toEqual([{ n: i, s: `x${i}` }]);
      });
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
