// Crawls every public URL with the demo data loaded and fails if any private detail stored in the
// database (beneficiaries' private fields, private mission notes, donors' e-mails and names,
// anonymous donors' display names, hidden messages, held-back notes, unpublished articles)
// appears in any response body or header.
import { expect, test } from "@playwright/test";
import { seedDemo } from "../prisma/seed";
import { withDb } from "./fixtures/db";
import { flushPublicCache } from "./fixtures/public-cache";

const MIN_SECRET_LENGTH = 8; // shorter values could match ordinary words by chance
const STAGES = ["awaiting_funds", "funded", "in_progress", "completed", "suspended", "failed"];
const SKIP = /^\/(api|dashboard|sign-in)(\/|$)|\/_next\//;

async function readSecrets(): Promise<string[]> {
  return withDb(async (db) => {
    const later = new Date(Date.now() + 60_000);
    const [beneficiaries, notes, heldBack, donations, unpublished] = await Promise.all([
      db.beneficiary.findMany({
        select: { privateName: true, privateLocation: true, privateContact: true, privateNotes: true },
      }),
      db.missionUpdate.findMany({ select: { privateNote: true } }),
      db.missionUpdate.findMany({ where: { publishAt: { gt: later } }, select: { publicNote: true } }),
      db.donation.findMany({
        select: {
          donorEmail: true,
          donorName: true,
          displayName: true,
          anonymous: true,
          message: true,
          messageHidden: true,
        },
      }),
      db.post.findMany({
        where: { OR: [{ status: "draft" }, { publishedAt: { gt: later } }] },
        select: { title: true, body: true },
      }),
    ]);
    // Text an unpublished article shares with a published one is not a secret.
    const published = await db.post.findMany({
      where: { status: "published", publishedAt: { lte: new Date() } },
      select: { title: true, body: true },
    });
    const publicText = new Set(published.flatMap((p) => [p.title, p.body]));
    const values = [
      ...beneficiaries.flatMap((b) => [b.privateName, b.privateLocation, b.privateContact, b.privateNotes]),
      ...notes.map((n) => n.privateNote),
      ...heldBack.map((n) => n.publicNote),
      // A donor who shows their own name publicly has chosen to: only then may donorName appear.
      ...donations.flatMap((d) => [
        d.donorEmail,
        !d.anonymous && d.displayName === d.donorName ? null : d.donorName,
        d.anonymous ? d.displayName : null,
        d.messageHidden ? d.message : null,
      ]),
      ...unpublished.flatMap((p) => [p.title, p.body]).filter((text) => !publicText.has(text)),
    ];
    return [
      ...new Set(
        values.filter((v): v is string => !!v && v.trim().length >= MIN_SECRET_LENGTH).map((v) => v.trim()),
      ),
    ];
  });
}

/**
 * Seeded gifts get a checkout session id, so their thank-you pages exist. A receipt shows the
 * donor's OWN e-mail and name by design: each donor page is checked against every private value
 * except that donor's own.
 */
async function donorPages(): Promise<{ path: string; own: string[] }[]> {
  return withDb(async (db) => {
    const gifts = await db.donation.findMany({
      where: { status: "succeeded", campaign: { status: "published" } },
      select: {
        id: true,
        receiptToken: true,
        stripeCheckoutSessionId: true,
        donorEmail: true,
        donorName: true,
        displayName: true,
        campaign: { select: { slug: true } },
      },
      orderBy: { createdAt: "asc" },
    });
    const pages: { path: string; own: string[] }[] = [];
    for (const gift of gifts) {
      const sessionId = gift.stripeCheckoutSessionId ?? `cs_test_crawl_${gift.id}`;
      if (!gift.stripeCheckoutSessionId) {
        await db.donation.update({ where: { id: gift.id }, data: { stripeCheckoutSessionId: sessionId } });
      }
      const own = [gift.donorEmail, gift.donorName, gift.displayName]
        .filter((v): v is string => !!v)
        .map((v) => v.trim());
      pages.push(
        { path: `/receipts/${gift.receiptToken}`, own },
        { path: `/campaigns/${gift.campaign.slug}/thank-you?session_id=${sessionId}`, own },
        { path: `/demo-checkout/${sessionId}`, own },
      );
    }
    return pages;
  });
}

function linksIn(body: string, contentType: string): string[] {
  if (!/html|xml/.test(contentType)) return [];
  const found = [
    ...body.matchAll(/\s(?:href|src)="([^"]+)"/g),
    ...body.matchAll(/<meta property="og:image" content="([^"]+)"/g),
    ...body.matchAll(/<loc>([^<]+)<\/loc>/g),
    ...body.matchAll(/^Sitemap:\s*(\S+)/gm),
  ].map((m) => m[1]!.replaceAll("&amp;", "&"));
  return found;
}

test("no private detail reaches any public response", async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  await seedDemo(process.env.DATABASE_URL);
  await flushPublicCache();
  const secrets = await readSecrets();
  // The demo's canaries must be among them, or this test proves nothing.
  for (const canary of [
    "CANARY-PRIVNAME",
    "CANARY-LOCATION",
    "CANARY-CONTACT",
    "CANARY-NOTES",
    "CANARY-PRIVNOTE",
    "CANARY-DONORNAME",
    "canary-email",
    "CANARY-ANONDISPLAY",
    "CANARY-HIDDENMSG",
  ]) {
    expect(
      secrets.some((s) => s.includes(canary)),
      canary,
    ).toBe(true);
  }

  // Hidden pages too: their "not found" answers must not leak their titles.
  const hidden = await withDb(async (db) => [
    ...(
      await db.post.findMany({
        where: { OR: [{ status: "draft" }, { publishedAt: { gt: new Date() } }] },
        select: { slug: true },
      })
    ).map((p) => `/news/${p.slug}`),
    ...(await db.campaign.findMany({ where: { status: "draft" }, select: { slug: true } })).map(
      (c) => `/campaigns/${c.slug}`,
    ),
  ]);
  expect(hidden).toContain("/news/notes-for-a-future-report");
  const origin = new URL(baseURL!).origin;
  const donors = await donorPages();
  const ownValues = new Map(donors.map((d) => [d.path, new Set(d.own)]));
  expect(donors.some((d) => d.own.some((v) => v.includes("canary-email")))).toBe(true);
  const donatePages = await withDb(async (db) =>
    (await db.campaign.findMany({ where: { status: "published" }, select: { slug: true } })).map(
      (c) => `/campaigns/${c.slug}/donate`,
    ),
  );
  const queue = [
    ...donatePages,
    ...donors.map((d) => d.path),
    "/",
    "/sitemap.xml",
    "/feed.xml",
    "/robots.txt",
    "/campaigns",
    "/news?page=2",
    ...STAGES.map((s) => `/campaigns?stage=${s}`),
    ...hidden,
  ];
  const seen = new Set(queue);
  const visited: string[] = [];
  const leaks: string[] = [];
  const failures: string[] = [];
  let rscFetched = 0;

  while (queue.length && visited.length < 1000) {
    const path = queue.shift()!;
    const res = await request.get(path, { maxRedirects: 0 });
    visited.push(path);
    if (res.status() >= 500) failures.push(`${res.status()} ${path}`);
    const body = (await res.body()).toString("utf8");
    const own = ownValues.get(path);
    const check = (label: string, text: string) => {
      for (const secret of secrets)
        if (!own?.has(secret) && text.includes(secret)) leaks.push(`${label}: ${secret}`);
    };
    check(path, body + JSON.stringify(res.headersArray()));
    // The same URL as the client router fetches it: the RSC payload carries more than the HTML.
    if (/html/.test(res.headers()["content-type"] ?? "")) {
      const rsc = await request.get(path, { maxRedirects: 0, headers: { RSC: "1" } });
      if (rsc.status() >= 500) failures.push(`${rsc.status()} RSC ${path}`);
      check(`RSC ${path}`, (await rsc.body()).toString("utf8"));
      rscFetched += 1;
    }
    for (const raw of linksIn(body, res.headers()["content-type"] ?? "")) {
      let url: URL;
      try {
        url = new URL(raw, `${origin}${path}`);
      } catch {
        continue;
      }
      if (url.origin !== origin || SKIP.test(url.pathname)) continue;
      const next = url.pathname + url.search;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }

  test.info().annotations.push({
    type: "crawl",
    description: `${visited.length} URLs, ${secrets.length} private values checked`,
  });
  console.log(
    `crawled ${visited.length} URLs (+${rscFetched} RSC payloads), checked ${secrets.length} private values`,
  );
  if (process.env.CRAWL_LOG) console.log(visited.join("\n"));
  expect(leaks).toEqual([]);
  expect(failures).toEqual([]);
  // Not vacuous: campaigns, their share images, articles, archives and filters were all fetched.
  expect(visited.length).toBeGreaterThanOrEqual(40);
  expect(visited.some((p) => /\/campaigns\/[^/]+\/opengraph-image/.test(p))).toBe(true);
  expect(visited).toContain("/news/the-long-road-south-part-2");
  expect(visited).toContain("/news/category/human-rights");
  expect(visited).toContain("/news/series/the-long-road-south");
  expect(visited).toContain("/campaigns/a-family-reunited-in-safety");
  expect(visited).toContain("/campaigns/seven-waiting-for-safe-passage/donate");
  expect(visited.some((p) => /\/thank-you\?session_id=cs_/.test(p))).toBe(true);
  expect(visited.filter((p) => p.startsWith("/receipts/")).length).toBeGreaterThan(3);
  expect(rscFetched).toBeGreaterThanOrEqual(30);
});

test("no private detail in anything a browser fetches on public pages (RSC prefetches included)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  // The crawl above seeds the demo; seed again only when this test runs alone.
  if (!(await withDb((db) => db.campaign.count({ where: { slug: "seven-waiting-for-safe-passage" } })))) {
    await seedDemo(process.env.DATABASE_URL);
  }
  await flushPublicCache();
  const secrets = await readSecrets();
  const origin = new URL(baseURL!).origin;
  const bodies: Promise<{ url: string; text: string }>[] = [];
  page.on("response", (response) => {
    if (!response.url().startsWith(origin)) return;
    bodies.push(
      response
        .body()
        .then((b) => ({ url: response.url(), text: b.toString("utf8") }))
        .catch(() => ({ url: response.url(), text: "" })),
    );
  });
  for (const path of [
    "/",
    "/campaigns",
    "/campaigns/a-family-reunited-in-safety",
    "/campaigns/a-family-reunited-in-safety/donate",
    "/news",
    "/news/the-long-road-south-part-2",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // A client-side navigation fetches the next page as an RSC payload.
  await page.goto("/");
  await page
    .getByRole("link", { name: /campaigns/i })
    .first()
    .click();
  await page.waitForLoadState("networkidle");
  const fetched = await Promise.all(bodies);
  const leaks = fetched.flatMap(({ url, text }) =>
    secrets.filter((s) => text.includes(s)).map((s) => `${url}: ${s}`),
  );
  expect(leaks).toEqual([]);
  expect(fetched.some(({ url }) => /[?&]_rsc=/.test(url))).toBe(true);
});
