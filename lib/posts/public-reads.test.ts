// The public reads select only what a visitor may see, and return plain JSON (they are cached).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Outside a Next server there is no cache to wrap: call the reads directly.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => undefined }));

const { db } = await import("@/lib/db");
const { getPublicCampaign } = await import("../campaigns/public-campaign");
const { listPublicCampaigns } = await import("../campaigns/public-campaign-list");
const { getPublicPost } = await import("./public-post");
const { listPublicPosts } = await import("./public-post-list");

const s = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const SECRET = `SECRET-${s}`;
const token = () => randomBytes(24).toString("base64url");
const day = 86_400_000;
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));

beforeAll(async () => {
  const category = await db.category.create({ data: { slug: `cat-${s}`, name: `Cat ${s}` } });
  const open = await db.campaign.create({
    data: {
      slug: `open-${s}`,
      title: "Open",
      summary: "Open appeal",
      goalAmount: 1000n,
      currency: "JPY",
      status: "published",
      stage: "funded",
      beneficiaries: {
        create: {
          publicLabel: "A family",
          privateName: `${SECRET}-name`,
          privateLocation: `${SECRET}-loc`,
          privateContact: `${SECRET}-contact`,
          privateNotes: `${SECRET}-notes`,
        },
      },
      updates: {
        create: [
          {
            stage: "awaiting_funds",
            publicNote: "Opened",
            privateNote: `${SECRET}-note1`,
            publishAt: new Date(Date.now() - day),
          },
          {
            stage: "funded",
            publicNote: "Funded",
            privateNote: `${SECRET}-note2`,
            publishAt: new Date(Date.now() + day),
          },
        ],
      },
      donations: {
        create: [
          {
            amount: 100,
            currency: "JPY",
            status: "succeeded",
            displayName: "K. H.",
            message: "Shown",
            donorEmail: `${SECRET}@x.invalid`,
            donorName: `${SECRET}-donor`,
            receiptToken: token(),
          },
          {
            amount: 100,
            currency: "JPY",
            status: "succeeded",
            anonymous: true,
            displayName: `${SECRET}-anon`,
            message: "Anonymous message",
            receiptToken: token(),
          },
          {
            amount: 100,
            currency: "JPY",
            status: "succeeded",
            displayName: "M. S.",
            message: `${SECRET}-hidden`,
            messageHidden: true,
            receiptToken: token(),
          },
          {
            amount: 100,
            currency: "JPY",
            status: "pending",
            displayName: "P. P.",
            message: `${SECRET}-pending`,
            receiptToken: token(),
          },
        ],
      },
    },
  });
  await db.campaign.create({
    data: { slug: `draft-${s}`, title: "Draft", summary: "x", goalAmount: 1n, currency: "JPY" },
  });
  const draftCampaign = await db.campaign.findUniqueOrThrow({ where: { slug: `draft-${s}` } });
  await db.post.create({
    data: {
      slug: `post-${s}`,
      title: "Post",
      body: "Body",
      status: "published",
      publishedAt: new Date(Date.now() - day),
      categoryId: category.id,
      campaigns: { create: [{ campaignId: open.id }, { campaignId: draftCampaign.id }] },
    },
  });
  await db.post.create({
    data: { slug: `draftpost-${s}`, title: "Draft post", body: "x", categoryId: category.id },
  });
  await db.post.create({
    data: {
      slug: `future-${s}`,
      title: "Future",
      body: "x",
      status: "published",
      publishedAt: new Date(Date.now() + day),
      categoryId: category.id,
    },
  });
});

afterAll(async () => {
  await db.$disconnect();
});

describe("public reads", () => {
  it("return a campaign without any private field, amounts exact through the cache", async () => {
    const campaign = await getPublicCampaign(`open-${s}`);
    expect(campaign).not.toBeNull();
    expect(json(campaign)).not.toContain(SECRET);
    expect(campaign).toMatchObject({ goalAmount: 1000n, raisedAmount: 0n });
    // The update held back until tomorrow leaves no trace: neither its note nor its stage.
    expect(campaign!.timeline.map((u) => u.publicNote)).toEqual(["Opened"]);
    expect(campaign!.stage).toBe("awaiting_funds");
    // At its time it appears, with its stage.
    const tomorrow = await getPublicCampaign(`open-${s}`, new Date(Date.now() + 2 * day));
    expect(tomorrow!.timeline.map((u) => u.publicNote)).toEqual(["Funded", "Opened"]);
    expect(tomorrow!.stage).toBe("funded");
    expect(campaign!.messages).toHaveLength(2);
    expect(campaign!.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "K. H.", message: "Shown" }),
        expect.objectContaining({ name: null, message: "Anonymous message" }),
      ]),
    );
  });

  it("do not find draft campaigns, drafts posts or list them", async () => {
    expect(await getPublicCampaign(`draft-${s}`)).toBeNull();
    expect(await getPublicPost(`draftpost-${s}`)).toBeNull();
    const campaigns = await listPublicCampaigns();
    expect(campaigns.map((c) => c.slug)).toContain(`open-${s}`);
    expect(campaigns.map((c) => c.slug)).not.toContain(`draft-${s}`);
    expect(json(campaigns)).not.toContain(SECRET);
    const posts = await listPublicPosts();
    expect(posts.map((p) => p.slug)).toContain(`post-${s}`);
    expect(posts.map((p) => p.slug)).not.toContain(`draftpost-${s}`);
  });

  it("return a post with only its public campaigns, and a scheduled post only from its time", async () => {
    const post = await getPublicPost(`post-${s}`);
    expect(post?.campaigns.map((c) => c.slug)).toEqual([`open-${s}`]);
    expect(post?.campaigns[0]?.goalAmount).toBe(1000n);
    expect(await getPublicPost(`future-${s}`)).toBeNull();
    expect((await listPublicPosts()).map((p) => p.slug)).not.toContain(`future-${s}`);
    const later = new Date(Date.now() + 2 * day);
    expect(await getPublicPost(`future-${s}`, later)).toMatchObject({ slug: `future-${s}` });
    expect((await listPublicPosts(later)).map((p) => p.slug)).toContain(`future-${s}`);
  });
});
