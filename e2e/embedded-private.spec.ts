// `npm start` without DATABASE_URL: the embedded database, its files and its secret belong to the
// user who started it. Another account on the same machine can neither read a file under the
// data directory nor open a database session, on a fresh start and after an upgrade from a version
// that left everything readable.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { connectTarget } from "../lib/db/connect-target";
import { canActAsOtherUser, NOBODY, probeConnection } from "../test/support/local-user-probe";

const port = Number(process.env.E2E_PORT ?? 3100) + 7;
const base = `http://127.0.0.1:${port}`;

type Entry = { file: string; mode: number; socket: boolean };

function walk(dir: string): Entry[] {
  const stat = lstatSync(dir);
  const entries: Entry[] = [{ file: dir, mode: stat.mode & 0o777, socket: stat.isSocket() }];
  if (stat.isDirectory()) for (const name of readdirSync(dir)) entries.push(...walk(path.join(dir, name)));
  return entries;
}

const readableByOthers = (dir: string) =>
  walk(dir)
    .filter((entry) => entry.mode & 0o077)
    .map((entry) => `${path.relative(dir, entry.file) || "."} ${entry.mode.toString(8)}`);

type Started = { child: ChildProcess; databaseUrl: string; output: () => string };

/** The start script as `npm start` runs it, on its own data directory and port. */
async function startApp(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), APP_URL: base };
  // The embedded demo: no database server, no secret, no Stripe keys given.
  for (const name of [
    "DATABASE_URL",
    "APP_SECRET",
    "NEXTAUTH_URL",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_API_BASE",
  ]) {
    delete env[name];
  }
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Only /api/health is asked: this second server shares .next/cache with the suite's server, and
  // a rendered page would put this database's data into that cache.
  await expect
    .poll(
      async () =>
        child.exitCode === null ? (await fetch(`${base}/api/health`).catch(() => null))?.status : -1,
      {
        timeout: 180_000,
        intervals: [1_000],
      },
    )
    .toBe(200);
  const databaseUrl = /for this user only at (\S+)/.exec(output)?.[1] ?? "";
  expect(databaseUrl, output).not.toBe("");
  return { child, databaseUrl, output: () => output };
}

/** Ctrl-C, as a person at the terminal would: the whole process group. */
async function stop({ child, output }: Started): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGINT");
  await exited;
  expect(output()).toContain("Database closed.");
}

let running: Started | undefined;
let root = "";

test.afterAll(async () => {
  if (running?.child.exitCode === null && running.child.pid) process.kill(-running.child.pid, "SIGKILL");
  if (root) rmSync(root, { recursive: true, force: true });
});

test("the embedded database and its files are private to the user running npm start", async () => {
  test.setTimeout(480_000);
  root = mkdtempSync(path.join(os.tmpdir(), "safe-passage-start-"));
  // Like a project in a home directory others may enter: only the data directory's own modes protect it.
  chmodSync(root, 0o755);
  const dataDir = path.join(root, "data");

  const check = async (started: Started) => {
    const entries = walk(dataDir);
    expect(entries.length, "PGlite's cluster files").toBeGreaterThan(100);
    expect(readableByOthers(dataDir)).toEqual([]);
    expect(entries.filter((entry) => entry.socket).map((entry) => path.basename(entry.file))).toEqual([
      ".s.PGSQL.5432",
    ]);
    const target = connectTarget(started.databaseUrl);
    expect(await probeConnection(target), "the app's own user connects").toBe("authenticated");
    if (canActAsOtherUser) expect(await probeConnection(target, NOBODY)).toMatch(/^refused /);
  };

  // A fresh start: migrations and the demo seed have written the database by the time it serves.
  running = await startApp(dataDir);
  await check(running);
  await stop(running);
  expect(readableByOthers(dataDir), "after a clean shutdown").toEqual([]);

  // An upgrade: data left world-readable by an earlier version is made private on start.
  for (const entry of walk(dataDir))
    chmodSync(entry.file, entry.mode | (lstatSync(entry.file).isDirectory() ? 0o755 : 0o644));
  expect(readableByOthers(dataDir).length).toBeGreaterThan(100);
  running = await startApp(dataDir);
  await check(running);
  await stop(running);
  expect(readableByOthers(dataDir), "after the second shutdown").toEqual([]);
});
