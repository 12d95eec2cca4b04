// Runs a command against a throw-away database, then drops it.
//   TEST_DATABASE_URL set: a fresh database on that (local only) PostgreSQL server.
//   unset: an in-memory embedded PostgreSQL (PGlite).
// Usage: tsx scripts/with-test-db.ts <command> [args…]
import "./lib/load-env";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { childEnv, env } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/scripts/lib/migrate";
import { exited } from "./lib/process";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1", ""]);

type TestDatabase = { url: string; drop: () => Promise<void> };

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const url = new URL(serverUrl);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`Refusing TEST_DATABASE_URL on host "${url.hostname}": tests only use a local server.`);
  }
  const name = `safe_passage_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: with-test-db <command> [args…]");
  const database = env.TEST_DATABASE_URL
    ? await createOnServer(env.TEST_DATABASE_URL)
    : await startEmbeddedPostgres({}).then((e) => ({ url: e.url, drop: e.stop }));
  try {
    await migrate(database.url);
    const child = spawn(command, args, {
      stdio: "inherit",
      env: childEnv({
        DATABASE_URL: database.url,
        APP_SECRET: env.APP_SECRET ?? randomBytes(32).toString("hex"),
        NEXT_TELEMETRY_DISABLED: "1",
      }),
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
    return await exited(child);
  } finally {
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
