// The SQL Prisma itself would write to create prisma/schema.prisma from an empty database.
// Prisma 7's CLI needs a native schema engine that cannot be downloaded offline, so this runs
// Prisma 6.19's WebAssembly engine (the `prisma-wasm` npm alias) through a throw-away config.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { childEnv } from "@/lib/env";

const WORK_DIR = path.join(process.cwd(), "node_modules", ".cache", "safe-passage-schema-sql");
const CLI = path.join(process.cwd(), "node_modules", "prisma-wasm", "build", "index.js");

const CONFIG = `// Written by test/support/schema-sql.ts for Prisma 6's WebAssembly schema engine.
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  async adapter() {
    const { PrismaPg } = await import("adapter-pg-6");
    // A short idle timeout lets the CLI exit as soon as it is done.
    return new PrismaPg({ connectionString: process.env.SCHEMA_SQL_DB, idleTimeoutMillis: 50 });
  },
};
`;

/** Prisma 6 wants a url in the datasource and a WebAssembly-only generator. */
function adaptSchema(schema: string): string {
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
  return (
    withoutGenerators.replace(/^(datasource\s+\w+\s*\{)/m, '$1\n  url = env("SCHEMA_SQL_DB")') +
    '\ngenerator client {\n  provider   = "prisma-client"\n  output     = "./generated"\n  engineType = "client"\n}\n'
  );
}

/** The engine connects to `connectionString` (any reachable PostgreSQL) but writes nothing. */
export async function schemaToSql(schemaPath: string, connectionString: string): Promise<string> {
  await mkdir(WORK_DIR, { recursive: true });
  await writeFile(path.join(WORK_DIR, "prisma.config.mjs"), CONFIG);
  await writeFile(path.join(WORK_DIR, "schema.prisma"), adaptSchema(await readFile(schemaPath, "utf8")));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, "migrate", "diff", "--from-empty", "--to-schema-datamodel", "schema.prisma", "--script"],
    { cwd: WORK_DIR, env: childEnv({ SCHEMA_SQL_DB: connectionString, CHECKPOINT_DISABLE: "1" }) },
  );
  return stdout.replace(/^CREATE SCHEMA IF NOT EXISTS "public";$/m, "");
}
