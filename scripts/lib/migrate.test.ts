// The offline runner: applies in order, records like Prisma, refuses edited history.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded";
import { checksumOf, migrate } from "./migrate";

let database: EmbeddedPostgres;
let dir: string;

async function addMigration(name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await startEmbeddedPostgres({});
  dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
});

afterAll(async () => database.stop());

describe("migrate", () => {
  it("applies pending migrations in order and records each like Prisma", async () => {
    await addMigration("20260101000000_a", 'CREATE TABLE "A" (id INT PRIMARY KEY);');
    await addMigration("20260102000000_b", 'ALTER TABLE "A" ADD COLUMN note TEXT;');
    expect(await migrate(database.url, dir)).toEqual(["20260101000000_a", "20260102000000_b"]);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual([
      ["20260101000000_a", checksumOf('CREATE TABLE "A" (id INT PRIMARY KEY);'), 1],
      ["20260102000000_b", checksumOf('ALTER TABLE "A" ADD COLUMN note TEXT;'), 1],
    ]);
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(await migrate(database.url, dir)).toEqual([]);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    await addMigration("20260103000000_bad", 'CREATE TABLE "B" (id INT); SELECT no_such_function();');
    await expect(migrate(database.url, dir)).rejects.toThrow(/20260103000000_bad failed and was rolled back/);
    expect(await query("SELECT 1 FROM information_schema.tables WHERE table_name = 'B'")).toHaveLength(0);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20260103000000_bad'`)).toHaveLength(0);
    await addMigration("20260103000000_bad", 'CREATE TABLE "B" (id INT);');
    expect(await migrate(database.url, dir)).toEqual(["20260103000000_bad"]);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    await addMigration("20260101000000_a", 'CREATE TABLE "A" (id BIGINT PRIMARY KEY);');
    await expect(migrate(database.url, dir)).rejects.toThrow(/20260101000000_a was changed after it was applied/);
  });
});
