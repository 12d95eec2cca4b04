// What the bench adds to its throw-away database when the demo seed lacks it, so every page
// type and the dashboard can be measured: one published article, and one admin account.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type pg from "pg";

const ARTICLE = `A family of four reached a safe third country last week, after eleven months in hiding.

## How the route came together

The coordinators spent most of the spring confirming documents with the receiving country's
consulate. Every delay meant another month of rent, food and a phone that had to stay switched off.

## What your gifts paid for

- Exit visas and the fees that came with them
- Two flights, booked as late as was safe
- The first month of housing on arrival

## What comes next

Language classes start in the autumn. The children are already enrolled at a local school, and
the parents asked us to thank everyone who gave, in whatever currency and whatever amount.
`;

const id = (prefix: string) => `${prefix}_bench_${randomBytes(8).toString("hex")}`;

/** Publishes one article when there is none. */
export async function ensureArticle(pool: pg.Pool): Promise<void> {
  const existing = await pool.query(`SELECT 1 FROM "Post" WHERE status = 'published' LIMIT 1`);
  if (existing.rowCount) return;
  const categoryId = id("cat");
  await pool.query(`INSERT INTO "Category" (id, slug, name) VALUES ($1, $2, 'Field notes')`, [categoryId, `field-notes-${randomBytes(3).toString("hex")}`]);
  await pool.query(
    `INSERT INTO "Post" (id, slug, title, excerpt, body, status, "publishedAt", "categoryId", "updatedAt")
     VALUES ($1, 'a-family-reaches-safety', 'A family reaches safety', 'Eleven months in hiding, and then a flight.', $2, 'published', now() - interval '1 hour', $3, now())`,
    [id("post"), ARTICLE, categoryId],
  );
}

/** An admin account with a random password, hashed with argon2 (@node-rs/argon2 defaults). */
export async function createAdmin(pool: pg.Pool): Promise<{ email: string; password: string }> {
  const email = `bench-${randomBytes(4).toString("hex")}@example.org`;
  const password = randomBytes(18).toString("base64url");
  await pool.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, 'B. A.', $3, 'admin', now())`,
    [id("user"), email, await hash(password)],
  );
  return { email, password };
}
