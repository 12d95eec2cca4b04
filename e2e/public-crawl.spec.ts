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
  const queue = [
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

  while (queue.length && visited.length < 1000) {
    const path = queue.shift()!;
    const res = await request.get(path, { maxRedirects: 0 });
    visited.push(path);
    if (res.status() >= 500) failures.push(`${res.status()} ${path}`);
    const body = (await res.body()).toString("latin1");
    const headers = JSON.stringify(res.headersArray());
    for (const secret of secrets) {
      if (body.includes(secret) || headers.includes(secret)) leaks.push(`${path}: ${secret}`);
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

  test
    .info()
    .annotations.push({
      type: "crawl",
      description: `${visited.length} URLs, ${secrets.length} private values checked`,
    });
  console.log(`crawled ${visited.length} URLs, checked ${secrets.length} private values`);
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
});
