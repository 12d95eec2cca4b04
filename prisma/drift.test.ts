// schema.prisma and prisma/migrations must describe the same database. The migrations are
// applied to `public` by the test runner; Prisma's own SQL for schema.prisma is applied to a
// scratch schema beside it, and the two catalogs must match.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSchema } from "@/test/support/catalog";
import { schemaToSql } from "@/test/support/schema-sql";
import { env } from "@/lib/env";

const SCRATCH = "drift_expected";
const client = new pg.Client({ connectionString: env.DATABASE_URL });

beforeAll(async () => {
  await client.connect();
  const sql = await schemaToSql(path.join("prisma", "schema.prisma"), env.DATABASE_URL ?? "");
  await client.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE; CREATE SCHEMA ${SCRATCH}`);
  await client.query(`SET search_path TO ${SCRATCH}; ${sql}; SET search_path TO public`);
});

afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
  await client.end();
});

describe("migrations and schema.prisma", () => {
  it("agree on tables, columns, enums, indexes and constraints", async () => {
    const [migrated, expected] = await Promise.all([
      describeSchema(client, "public"),
      describeSchema(client, SCRATCH),
    ]);
    expect(expected.columns.length).toBeGreaterThan(0);
    expect(migrated).toEqual(expected);
  });
});
