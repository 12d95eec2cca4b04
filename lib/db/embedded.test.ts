// The embedded PostgreSQL: only this user may connect to it, and it keeps results straight under
// concurrent parameterised queries from several connections (the app's pool, the rate limiters and
// parallel test workers).
import { statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canActAsOtherUser, NOBODY, probeConnection } from "@/test/support/local-user-probe";
import { connectTarget } from "./connect-target";
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

describe("embedded PostgreSQL: who may connect", () => {
  it("opens no TCP port, only a socket private to this user", () => {
    const target = connectTarget(database.url);
    // A loopback port is open to every account on the machine, and pglite-socket checks no password.
    expect(target).not.toHaveProperty("port");
    const socketPath = "path" in target ? target.path : "";
    const dir = statSync(path.dirname(socketPath));
    expect(dir.isDirectory()).toBe(true);
    expect(dir.uid).toBe(process.getuid?.());
    expect((dir.mode & 0o777).toString(8)).toBe("700");
    expect((statSync(socketPath).mode & 0o077).toString(8)).toBe("0");
  });

  it.skipIf(!canActAsOtherUser)("lets this user in and refuses another local account", async () => {
    const target = connectTarget(database.url);
    // The same probe as this user proves the probe itself works.
    expect(await probeConnection(target)).toBe("authenticated");
    expect(await probeConnection(target, NOBODY)).toMatch(/^refused E(ACCES|PERM)$/);
  });
});
