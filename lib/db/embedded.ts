// The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly), served on a Unix socket so
// the app talks to it through adapter-pg exactly as it would to a real server.
// pglite-socket checks no password (every user, `postgres` included, is let in), so who may connect
// is decided by the file system alone: the socket lives in a directory only this user may enter
// (0700), with the socket itself 0600. No TCP port is opened, so no other account on the machine
// can reach the database; the data directory is made private the same way (lib/db/private-dir.ts).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { connect, createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepBatchesTogether } from "./pglite-batch-affinity";
import { makePrivate } from "./private-dir";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/** Only names the socket file, `<dir>/.s.PGSQL.5432`: the name libpq and pg look for. */
const SOCKET_PORT = 5432;
/** A socket path must fit sun_path (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/** A port the OS says is free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The URL pg and adapter-pg understand for a socket in `dir` (see ./connect-target.ts). */
function socketUrl(dir: string): string {
  const url = new URL(`postgresql://postgres@localhost:${SOCKET_PORT}/postgres`);
  url.searchParams.set("host", dir);
  url.searchParams.set("sslmode", "disable");
  return url.toString();
}

/** A socket left behind by a killed process is removed; one that answers belongs to a running server. */
async function clearStaleSocket(socketPath: string): Promise<void> {
  if (!existsSync(socketPath)) return;
  const answers = await new Promise<boolean>((resolve) => {
    const probe = connect(socketPath);
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });
  if (answers)
    throw new Error(`${socketPath} is in use: is another \`npm start\` serving the same data directory?`);
  unlinkSync(socketPath);
}

/** The directory for the socket: `preferred` when its path is short enough, else a private temp dir. */
function socketDirectory(preferred: string | undefined): { dir: string; temporary: boolean } {
  if (preferred) {
    const dir = path.resolve(preferred);
    if (path.join(dir, `.s.PGSQL.${SOCKET_PORT}`).length <= MAX_SOCKET_PATH) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
      return { dir, temporary: false };
    }
  }
  // mkdtemp creates the directory 0700.
  return { dir: mkdtempSync(path.join(os.tmpdir(), "safe-passage-pg-")), temporary: true };
}

/**
 * Starts PGlite; `dataDir` undefined keeps the database in memory. The socket goes into
 * `socketDir` (created 0700) or, when that is unset or its path too long, a private temp dir.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  socketDir?: string;
}): Promise<EmbeddedPostgres> {
  const { dir, temporary } = socketDirectory(options.socketDir);
  const socketPath = path.join(dir, `.s.PGSQL.${SOCKET_PORT}`);
  // Before opening the data: two processes must never write the same PGlite directory.
  await clearStaleSocket(socketPath);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create(options.dataDir);
  // PGlite writes the files of a new cluster (and some it rewrites on open) 0666 whatever the
  // umask; inside a 0700 directory nobody else can reach them, and now they are 0600 as well.
  if (options.dataDir) makePrivate(options.dataDir);
  // Pools need several connections (the app, the rate limiters, a second instance in tests); they
  // are cheap here, since PGlite runs one query at a time behind all of them.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 100 });
  keepBatchesTogether(server);
  await server.start();
  chmodSync(socketPath, 0o600);
  let stopped = false;
  return {
    url: socketUrl(dir),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(temporary ? dir : socketPath, { recursive: true, force: true });
    },
  };
}
