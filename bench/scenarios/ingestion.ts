// Scenario 5: webhook ingestion. A burst of N signed checkout completions at fixed concurrency
// (their pending donations inserted beforehand, untimed, as the donate action would have)
// vs a bare INSERT loop of the same count and concurrency into a table of the same shape
// (CREATE TABLE … (LIKE "Donation" INCLUDING ALL): same columns, defaults, indexes and unique
// constraints, no foreign keys). Totals are verified afterwards.
import { randomBytes } from "node:crypto";
import { PATHS } from "../config";
import { ratio } from "../lib/stats";
import { createPendingCheckouts, postWebhook, webhookExists } from "../lib/stripe-event";
import { fmt, table, type Scenario, type ScenarioResult } from "../lib/types";

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns seconds taken. */
async function burst(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await task(i);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

const amountFor = (i: number) => 500 + ((i * 7919) % 9500);

export const ingestion: Scenario = {
  name: "ingestion",
  title: "5. Webhook ingestion vs a bare INSERT loop",
  async run(ctx): Promise<ScenarioResult> {
    const { app, db, slugs, options } = ctx;
    const notes: string[] = [];
    const n = options.burst;
    const concurrency = options.burstConcurrency;
    if (!slugs.campaignId) return { status: "skipped", notes: ["no published campaign in the database."], markdown: "", data: {} };
    if (db.kind === "pglite") notes.push("PGlite runs one transaction at a time: both figures are far below a real PostgreSQL server.");
    const campaignId = slugs.campaignId;
    const currency = (await db.pool.query<{ currency: string }>(`SELECT currency FROM "Campaign" WHERE id = $1`, [campaignId])).rows[0]?.currency ?? "JPY";
    const expectedSum = Array.from({ length: n }, (_, i) => amountFor(i)).reduce((a, b) => a + b, 0);

    // Bare INSERT loop: one autocommitted INSERT per event, same concurrency.
    await db.pool.query(`DROP TABLE IF EXISTS bench_insert_loop; CREATE TABLE bench_insert_loop (LIKE "Donation" INCLUDING ALL)`);
    const tag = randomBytes(4).toString("hex");
    let insertSeconds: number;
    try {
      insertSeconds = await burst(n, concurrency, async (i) => {
        await db.pool.query(
          `INSERT INTO bench_insert_loop (id, "campaignId", amount, currency, status, "receiptToken", "stripeCheckoutSessionId", "stripePaymentIntentId", "updatedAt")
           VALUES ($1, $2, $3, $4, 'succeeded', $5, $6, $7, now())`,
          [`ins_${tag}_${i}`, campaignId, amountFor(i), currency, `rcpt_${tag}_${i}`, `cs_${tag}_${i}`, `pi_${tag}_${i}`],
        );
      });
      const check = await db.pool.query<{ sum: string; count: string }>(`SELECT COALESCE(SUM(amount), 0) AS sum, COUNT(*) AS count FROM bench_insert_loop`);
      if (Number(check.rows[0]?.sum) !== expectedSum || Number(check.rows[0]?.count) !== n) notes.push("INSERT loop totals do not match what was sent.");
    } finally {
      await db.pool.query(`DROP TABLE IF EXISTS bench_insert_loop`);
    }
    const insertRate = n / insertSeconds;
    const rows: (string | number)[][] = [["bare INSERT loop", n, concurrency, fmt(insertSeconds, 2), fmt(insertRate, 0), "–"]];
    const data: Record<string, unknown> = { n, concurrency, insertSeconds, insertRate, expectedSum };

    if (!(await webhookExists(app.base + PATHS.webhook))) {
      notes.push(`POST ${PATHS.webhook} answered 404: webhook burst skipped (no handler in this build); only the INSERT baseline was measured.`);
      return { status: "partial", notes, markdown: table(["what", "events", "concurrency", "seconds", "events/s", "webhook / INSERT"], rows), data };
    }

    const totals = async () =>
      (
        await db.pool.query<{ sum: string; count: string; raised: number }>(
          `SELECT COALESCE(SUM(d.amount), 0) AS sum, COUNT(d.id) AS count, c."raisedAmount" AS raised
             FROM "Campaign" c LEFT JOIN "Donation" d ON d."campaignId" = c.id AND d.status = 'succeeded'
            WHERE c.id = $1 GROUP BY c.id`,
          [campaignId],
        )
      ).rows[0];
    const checkouts = await createPendingCheckouts(db.pool, campaignId, currency, Array.from({ length: n }, (_, i) => amountFor(i)));
    await db.pool.query(`ANALYZE "Donation"`);
    const before = await totals();
    const statuses = new Map<number, number>();
    const webhookSeconds = await burst(n, concurrency, async (i) => {
      const checkout = checkouts[i];
      if (!checkout) return;
      const status = await postWebhook(app.base + PATHS.webhook, checkout, app.webhookSecret);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const after = await totals();
    const webhookRate = n / webhookSeconds;
    const donationsAdded = Number(after?.count) - Number(before?.count);
    const sumAdded = Number(after?.sum) - Number(before?.sum);
    const raisedAdded = (after?.raised ?? 0) - (before?.raised ?? 0);
    const verified = donationsAdded === n && sumAdded === expectedSum && raisedAdded === expectedSum;
    notes.push(
      `verification: ${verified ? "OK" : "MISMATCH"} — sent ${n} events totalling ${expectedSum}; database gained ${donationsAdded} succeeded donations totalling ${sumAdded}; Campaign.raisedAmount rose by ${raisedAdded}.`,
      `webhook statuses: ${[...statuses].map(([s, c]) => `${s}×${c}`).join(", ")}.`,
    );
    rows.push(["signed webhook burst", n, concurrency, fmt(webhookSeconds, 2), fmt(webhookRate, 0), fmt(ratio(webhookRate, insertRate), 3)]);
    Object.assign(data, { webhookSeconds, webhookRate, ratio: ratio(webhookRate, insertRate), verified, donationsAdded, sumAdded, raisedAdded });
    return {
      status: verified ? "ok" : "partial",
      notes,
      markdown: table(["what", "events", "concurrency", "seconds", "events/s", "webhook / INSERT"], rows),
      data,
    };
  },
};
