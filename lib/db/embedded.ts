// The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) served over TCP on
// loopback, so the app talks to it through adapter-pg exactly as it would to a real server.
import { createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepBatchesTogether } from "./pglite-batch-affinity";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

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

/** Starts PGlite; `dataDir` undefined keeps the database in memory. */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number }): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir);
  const port = options.port ?? (await freePort());
  // Pools need several connections (the app, the rate limiters, a second instance in tests); they
  // are cheap here, since PGlite runs one query at a time behind all of them.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 100 });
  keepBatchesTogether(server);
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
