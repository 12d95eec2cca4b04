// One set of test data factories for unit tests (with lib/db's client) and e2e specs (with
// e2e/fixtures/db.ts's). Each call makes rows no other test uses: unique slugs, e-mails and
// tokens, so tests never depend on rows another test left. Pass only what the test is about.
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";

type Db = PrismaClient | Prisma.TransactionClient;

/** A short random suffix for names that must be unique across tests and runs. */
export function unique(): string {
  return randomBytes(5).toString("hex");
}

export async function makeUser(db: Db, role: Role = "coordinator", data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const s = unique();
  return db.user.create({
    data: { email: `${role}-${s}@test.local`, name: `T. ${s.slice(0, 2).toUpperCase()}.`, role, ...data },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  });
}

/** A published JPY campaign unless told otherwise. */
export async function makeCampaign(db: Db, data: Partial<Prisma.CampaignUncheckedCreateInput> = {}) {
  const s = unique();
  const published = (data.status ?? "published") !== "draft";
  return db.campaign.create({
    data: {
      slug: `campaign-${s}`,
      title: `Campaign ${s}`,
      summary: `Summary ${s}`,
      goalAmount: 100_000n,
      currency: "JPY",
      status: "published",
      publishedAt: published ? new Date(Date.now() - 60_000) : null,
      ...data,
    },
    select: { id: true, slug: true, title: true, currency: true, version: true, status: true },
  });
}

/** A gift in the campaign's currency; `succeeded` card gift of 1 000 unless told otherwise. */
export async function makeDonation(
  db: Db,
  campaign: { id: string; currency: string },
  data: Partial<Prisma.DonationUncheckedCreateInput> = {},
) {
  return db.donation.create({
    data: {
      campaignId: campaign.id,
      amount: 1_000,
      currency: campaign.currency,
      status: "succeeded",
      receiptToken: `receipt-${unique()}${unique()}`,
      ...data,
    },
    select: { id: true, amount: true, currency: true, status: true, receiptToken: true, receivedAt: true },
  });
}

export async function makeCategory(db: Db, data: Partial<Prisma.CategoryUncheckedCreateInput> = {}) {
  const s = unique();
  return db.category.create({ data: { slug: `category-${s}`, name: `Category ${s}`, ...data }, select: { id: true, slug: true, name: true } });
}

export async function makeSeries(db: Db, data: Partial<Prisma.SeriesUncheckedCreateInput> = {}) {
  const s = unique();
  return db.series.create({ data: { slug: `series-${s}`, title: `Series ${s}`, ...data }, select: { id: true, slug: true, title: true } });
}

/** A published article (in a new category unless one is given), visible since a minute ago. */
export async function makePost(db: Db, data: Partial<Prisma.PostUncheckedCreateInput> = {}) {
  const s = unique();
  const categoryId = data.categoryId ?? (await makeCategory(db)).id;
  return db.post.create({
    data: {
      slug: `article-${s}`,
      title: `Article ${s}`,
      body: `Body ${s}`,
      status: "published",
      publishedAt: new Date(Date.now() - 60_000),
      ...data,
      categoryId,
    },
    select: { id: true, slug: true, title: true, version: true, categoryId: true },
  });
}

export async function makeBeneficiary(
  db: Db,
  campaign: { id: string },
  data: Partial<Prisma.BeneficiaryUncheckedCreateInput> = {},
) {
  const s = unique();
  return db.beneficiary.create({
    data: {
      campaignId: campaign.id,
      publicLabel: `a family ${s}`,
      privateName: `private-name-${s}`,
      privateLocation: `private-location-${s}`,
      privateContact: `private-contact-${s}`,
      privateNotes: `private-notes-${s}`,
      ...data,
    },
    select: { id: true, publicLabel: true, privateName: true, privateLocation: true },
  });
}
