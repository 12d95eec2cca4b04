// Scenario 4: time from a signed webhook's 200 to the campaign page showing the new total,
// polled at the origin (next start) and through the shipped nginx micro-cache at the same time.
import { formatMoney } from "@/lib/money";
import { DEFAULTS, PATHS } from "../config";
import { startProxy } from "../lib/nginx";
import { median } from "../lib/stats";
import { createPendingCheckouts, postWebhook, webhookExists } from "../lib/stripe-event";
import { fmt, table, type Scenario, type ScenarioResult } from "../lib/types";

const POLL_MS = 25;

/** The total as the page may print it: formatted (¥12,345 / $123.45), HTML-escaped or not. */
function totalPatterns(raised: bigint, currency: string): string[] {
  const formatted = formatMoney(raised, currency);
  return [formatted, formatted.replace("$", "&#x24;"), formatted.replace(/^[^\d]+/, "")];
}

async function pollUntilVisible(url: string, patterns: string[], timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const html = await fetch(url).then((r) => r.text(), () => "");
    if (patterns.some((p) => html.includes(p))) return performance.now() - started;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return null;
}

type Sample = { amount: number; webhookMs: number; originMs: number | null; proxyMs: number | null };

const maxOf = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);

export const donationVisible: Scenario = {
  name: "donation-visible",
  title: "4. Donation to visible (webhook 200 → campaign page shows the new total)",
  async run(ctx): Promise<ScenarioResult> {
    const { app, db, slugs } = ctx;
    const notes: string[] = [];
    const skip = (note: string): ScenarioResult => ({ status: "skipped", notes: [note], markdown: "", data: {} });
    if (!slugs.campaign || !slugs.campaignId) return skip("no published campaign in the database.");
    const path = PATHS.campaign(slugs.campaign);
    const pageUrl = app.base + path;
    const pageStatus = await fetch(pageUrl).then((r) => r.status, () => 0);
    if (pageStatus !== 200) return skip(`campaign page ${path} answered ${pageStatus}: skipped.`);
    if (!(await webhookExists(app.base + PATHS.webhook))) return skip(`POST ${PATHS.webhook} answered 404: no webhook handler in this build, skipped.`);
    const proxy = await startProxy(app.port);
    const proxyUrl = proxy.base + path;

    const campaign = await db.pool.query<{ currency: string }>(`SELECT currency FROM "Campaign" WHERE id = $1`, [slugs.campaignId]);
    const currency = campaign.rows[0]?.currency ?? "JPY";
    // Odd amounts make the new total unlikely to appear on the page by chance.
    const amounts = Array.from({ length: DEFAULTS.visibleSamples }, (_, i) => 1_237 + i * 101);
    const checkouts = await createPendingCheckouts(db.pool, slugs.campaignId, currency, amounts);
    const samples: Sample[] = [];
    for (const checkout of checkouts) {
      // Both caches warm (Next's data cache and nginx's entry), as under real traffic.
      for (const url of [pageUrl, proxyUrl, proxyUrl]) await fetch(url).then((r) => r.arrayBuffer(), () => undefined);
      const sent = performance.now();
      const status = await postWebhook(app.base + PATHS.webhook, checkout, app.webhookSecret);
      const webhookMs = performance.now() - sent;
      if (status !== 200) {
        notes.push(`webhook answered ${status} (see bench/lib/stripe-event.ts and the server log): stopped.`);
        break;
      }
      // pg returns bigint columns as strings.
      const raised = await db.pool.query<{ raisedAmount: string }>(`SELECT "raisedAmount" FROM "Campaign" WHERE id = $1`, [slugs.campaignId]);
      const patterns = totalPatterns(BigInt(raised.rows[0]?.raisedAmount ?? 0), currency);
      const [originMs, proxyMs] = await Promise.all([
        pollUntilVisible(pageUrl, patterns, DEFAULTS.visibleTimeoutMs),
        pollUntilVisible(proxyUrl, patterns, DEFAULTS.visibleTimeoutMs),
      ]);
      if (originMs === null || proxyMs === null) notes.push(`a new total was not seen within ${DEFAULTS.visibleTimeoutMs} ms (origin ${originMs ?? "never"}, proxy ${proxyMs ?? "never"}).`);
      samples.push({ amount: checkout.amount, webhookMs, originMs, proxyMs });
      // Let the proxy's 1 s entry expire between samples, so each sample sees a random phase.
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
    }
    const origin = samples.flatMap((s) => (s.originMs === null ? [] : [s.originMs]));
    const proxied = samples.flatMap((s) => (s.proxyMs === null ? [] : [s.proxyMs]));
    const markdown = table(
      ["samples", "webhook round trip ms (median)", "origin: 200 → visible ms (median / max)", "through nginx: 200 → visible ms (median / max)"],
      [[
        samples.length,
        fmt(median(samples.map((s) => s.webhookMs))),
        `${fmt(median(origin))} / ${fmt(maxOf(origin))}`,
        `${fmt(median(proxied))} / ${fmt(maxOf(proxied))}`,
      ]],
    );
    notes.push(`polled every ${POLL_MS} ms at the origin and through deploy/nginx.conf (1 s micro-cache, stale-while-updating) at once; the webhook round trip is not included in the visible times.`);
    const complete = samples.length === checkouts.length && origin.length === samples.length && proxied.length === samples.length;
    return { status: complete && samples.length > 0 ? "ok" : "partial", notes, markdown, data: { samples } };
  },
};
