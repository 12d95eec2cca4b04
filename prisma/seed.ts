// Demo data for a fresh database (content in ./demo-content.ts). Idempotent: when the demo's own
// campaign already exists nothing is written, so specs may call it on a shared test database.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import {
  DEMO_CAMPAIGNS,
  DEMO_CATEGORIES,
  DEMO_MARKER_SLUG,
  DEMO_POSTS,
  DEMO_SERIES,
  type DemoCampaign,
} from "./demo-content";
import { seedDemoUsers } from "./seed-users";

export type SeedResult = { created: boolean; signIn?: { email: string; password: string } };

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

async function seedCampaign(prisma: Prisma.TransactionClient, c: DemoCampaign): Promise<string> {
  const succeeded = c.donations;
  // The same totals refreshCampaignTotals() keeps: net amount, donors counted by e-mail.
  const raisedAmount = succeeded.reduce((sum, d) => sum + d.amount, 0);
  const donorCount = new Set(succeeded.map((d) => d.donorEmail.toLowerCase())).size;
  const campaign = await prisma.campaign.create({
    data: {
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      story: c.story,
      goalAmount: c.goalAmount,
      currency: c.currency,
      deadline: c.deadlineDays === null ? null : daysFromNow(c.deadlineDays),
      status: c.status,
      stage: c.stage,
      peopleCount: c.peopleCount,
      publishedAt: daysFromNow(-c.publishedDaysAgo),
      raisedAmount,
      donorCount,
      beneficiaries: { create: c.beneficiaries },
      donations: {
        create: c.donations.map((d) => ({
          amount: d.amount,
          currency: c.currency,
          status: "succeeded" as const,
          method: d.method ?? "card",
          anonymous: d.anonymous ?? false,
          displayName: d.displayName ?? null,
          message: d.message ?? null,
          messageHidden: d.messageHidden ?? false,
          donorEmail: d.donorEmail,
          donorName: d.donorName,
          receiptToken: randomBytes(24).toString("base64url"),
          receivedAt: daysFromNow(-d.daysAgo),
        })),
      },
    },
    select: { id: true },
  });
  // Campaigns start awaiting funds; an update that stays in its stage is a note.
  let from: DemoCampaign["stage"] = "awaiting_funds";
  for (const u of c.updates) {
    await prisma.missionUpdate.create({
      data: {
        campaignId: campaign.id,
        fromStage: from,
        stage: u.stage === from ? null : u.stage,
        publicNote: u.publicNote,
        privateNote: u.privateNote,
        publishAt: daysFromNow(u.daysFromNow),
      },
    });
    from = u.stage;
  }
  return campaign.id;
}

export async function seedDemo(connectionString: string): Promise<SeedResult> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const signIn = await seedDemoUsers(prisma);
    if (await prisma.campaign.findUnique({ where: { slug: DEMO_MARKER_SLUG }, select: { id: true } })) {
      return { created: false, signIn };
    }
    // One transaction: a failed seed leaves nothing behind, so the next start seeds again.
    await prisma.$transaction((tx) => seedAll(tx), { timeout: 60_000 });
    return { created: true, signIn };
  } finally {
    await prisma.$disconnect();
  }
}

async function seedAll(prisma: Prisma.TransactionClient): Promise<void> {
  const campaignIds = new Map<string, string>();
  for (const c of DEMO_CAMPAIGNS) campaignIds.set(c.slug, await seedCampaign(prisma, c));

  const categoryIds = new Map<string, string>();
  for (const cat of DEMO_CATEGORIES) {
    const row = await prisma.category.upsert({
      where: { slug: cat.slug },
      update: {},
      create: cat,
      select: { id: true },
    });
    categoryIds.set(cat.slug, row.id);
  }
  const series = await prisma.series.upsert({
    where: { slug: DEMO_SERIES.slug },
    update: {},
    create: DEMO_SERIES,
    select: { id: true },
  });

  const postIds = new Map<string, string>();
  for (const p of DEMO_POSTS) {
    const post = await prisma.post.create({
      data: {
        slug: p.slug,
        title: p.title,
        excerpt: p.excerpt,
        body: p.body,
        status: p.publishedDaysAgo === null ? "draft" : "published",
        publishedAt: p.publishedDaysAgo === null ? null : daysFromNow(-p.publishedDaysAgo),
        categoryId: categoryIds.get(p.category) ?? "",
        seriesId: p.seriesPart ? series.id : null,
        seriesPart: p.seriesPart ?? null,
        campaigns: {
          create: (p.campaigns ?? []).map((slug) => ({ campaignId: campaignIds.get(slug) ?? "" })),
        },
      },
      select: { id: true },
    });
    postIds.set(p.slug, post.id);
  }
  const links = DEMO_POSTS.flatMap((p) =>
    (p.seeAlso ?? []).map((to) => ({ fromId: postIds.get(p.slug) ?? "", toId: postIds.get(to) ?? "" })),
  );
  await prisma.postLink.createMany({ data: links });
}

// `npm run db:seed`: seed the database named by DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { env } = await import("../lib/env");
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const result = await seedDemo(env.DATABASE_URL);
  console.log(result.created ? "Demo data created." : "Demo data already present: nothing seeded.");
}
