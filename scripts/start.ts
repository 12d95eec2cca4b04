// npm start / npm run dev – one command from a fresh clone to a running site.
// Embedded PostgreSQL when DATABASE_URL is unset, migrations, demo seed, build if stale, serve.
import "./lib/load-env";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { childEnv, env } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { makePrivate } from "@/lib/db/private-dir";
import { migrate, MigrationError } from "@/scripts/lib/migrate";
import { seedDemo } from "@/prisma/seed";
import { buildIfStale, nextBin } from "./lib/build-if-stale";
import { exited } from "./lib/process";

const DATA_DIR = env.DATA_DIR;
const SECRET_FILE = `${DATA_DIR}/app-secret`;

/** The embedded demo keeps a generated secret beside its data, so sessions survive restarts. */
function demoSecret(): string {
  if (!existsSync(SECRET_FILE)) writeFileSync(SECRET_FILE, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(SECRET_FILE, "utf8").trim();
}
const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  // Before anything is created: every file npm start writes (the embedded database's data, its
  // socket, the demo's secret) is readable by this user only.
  process.umask(0o077);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
    // Data written by earlier versions was readable by every local user.
    makePrivate(DATA_DIR);
    embedded = await startEmbeddedPostgres({ dataDir: `${DATA_DIR}/pglite`, socketDir: DATA_DIR });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) running, data in ${DATA_DIR}/, for this user only at ${databaseUrl}`);
  }

  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (embedded) {
      await embedded.stop();
      console.log("Database closed.");
    }
    process.exit(code);
  };

  try {
    const applied = await migrate(databaseUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const demo = embedded || env.SEED_DEMO ? await seedDemo(databaseUrl) : undefined;

    const appSecret = env.APP_SECRET ?? (embedded ? demoSecret() : undefined);
    if (!appSecret) throw new Error("APP_SECRET is not set: production needs a long random secret (see .env.example).");
    const serverEnv = childEnv({
      DATABASE_URL: databaseUrl,
      PORT: String(env.PORT),
      APP_SECRET: appSecret,
      // next-auth 4 reads NEXTAUTH_URL itself (redirects, OAuth callback URLs): derived from APP_URL.
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.appUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // The embedded demo without Stripe keys takes donations through the built-in demo checkout.
      ...(embedded && !env.STRIPE_SECRET_KEY ? { DEMO_CHECKOUT: "1" } : {}),
      // The demo NGO works from Tokyo; a real site sets SITE_TIME_ZONE (default UTC).
      ...(embedded && !env.SITE_TIME_ZONE ? { SITE_TIME_ZONE: "Asia/Tokyo" } : {}),
    });
    if (!dev) await buildIfStale(serverEnv);
    // The public data cache (unstable_cache) lives on disk, but its tag invalidations live in the
    // server's memory: entries from an earlier run may describe another database. Start empty.
    rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

    const child = spawn(process.execPath, [nextBin(), dev ? "dev" : "start", "-p", String(env.PORT)], {
      stdio: ["ignore", "inherit", "inherit"],
      env: serverEnv,
    });
    // Ctrl-C reaches the whole process group; wait for Next to exit, then close the database.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        child.kill("SIGTERM");
      });
    }
    console.log(`\nSafe Passage: ${env.appUrl}`);
    if (demo?.signIn) console.log(`Demo sign-in: ${demo.signIn.email} / ${demo.signIn.password}`);
    await shutdown(await exited(child));
  } catch (error) {
    console.error(error instanceof MigrationError ? error.message : error);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
