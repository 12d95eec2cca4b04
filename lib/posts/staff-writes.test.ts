import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { createPost, updatePost, setPostPublished, STALE_POST } = await import("./edit-post");
const { setDonationMessageHidden } = await import("../donations/offline-gift");
const { setUserRole } = await import("@/lib/users/edit-user");
const { revalidateTag } = await import("next/cache");

const s = () => randomBytes(4).toString("hex");
let actorId = "";
let categoryId = "";

beforeAll(async () => {
  actorId = (await db.user.create({ data: { email: `p-${s()}@test.local`, name: "P. E.", role: "editor" } }))
    .id;
  categoryId = (await db.category.create({ data: { slug: `cat-${s()}`, name: "Cat" } })).id;
});
afterAll(() => db.$disconnect());

const post = (slug: string, campaignIds: string[] = [], seeAlsoIds: string[] = []) => ({
  title: "A post",
  slug,
  excerpt: "",
  body: "Body",
  categoryId,
  seriesId: undefined,
  seriesPart: undefined,
  campaignIds,
  seeAlsoIds,
});

describe("articles", () => {
  it("links campaigns and see-also posts, refuses stale edits and publishes with a date", async () => {
    const campaign = await db.campaign.create({
      data: { slug: `pc-${s()}`, title: "C", summary: "x", goalAmount: 1, currency: "JPY" },
      select: { id: true },
    });
    const other = await createPost(post(`other-${s()}`), actorId);
    const id = await createPost(post(`main-${s()}`, [campaign.id], [other]), actorId);
    await updatePost({ ...post(`main-${s()}`, [], [other]), title: "Renamed", id, version: 1 }, actorId);
    await expect(updatePost({ ...post(`main-${s()}`), id, version: 1 }, actorId)).rejects.toMatchObject({
      userMessage: STALE_POST,
    });
    await setPostPublished(id, 2, true, actorId);
    const saved = await db.post.findUniqueOrThrow({
      where: { id },
      select: {
        title: true,
        status: true,
        publishedAt: true,
        version: true,
        campaigns: true,
        seeAlso: { select: { toId: true } },
      },
    });
    expect(saved).toMatchObject({
      title: "Renamed",
      status: "published",
      version: 3,
      campaigns: [],
      seeAlso: [{ toId: other }],
    });
    expect(saved.publishedAt).toBeInstanceOf(Date);
    expect(revalidateTag).toHaveBeenCalledWith("posts", { expire: 0 });
    const actions = await db.auditLog.findMany({
      where: { entityId: id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["post.create", "post.update", "post.publish"]);
  });

  it("shows a taken slug at the slug field", async () => {
    const slug = `dup-${s()}`;
    await createPost(post(slug), actorId);
    await expect(createPost(post(slug), actorId)).rejects.toMatchObject({ field: "slug" });
  });
});

describe("donor messages", () => {
  it("are hidden and shown again, each time audited", async () => {
    const campaign = await db.campaign.create({
      data: { slug: `dm-${s()}`, title: "C", summary: "x", goalAmount: 1, currency: "JPY" },
      select: { id: true },
    });
    const donation = await db.donation.create({
      data: {
        campaignId: campaign.id,
        amount: 1,
        currency: "JPY",
        message: "Hi",
        receiptToken: randomBytes(24).toString("base64url"),
      },
      select: { id: true },
    });
    await setDonationMessageHidden(donation.id, true, actorId);
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).messageHidden).toBe(true);
    await setDonationMessageHidden(donation.id, false, actorId);
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).messageHidden).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: donation.id } })).toBe(2);
  });
});

describe("user management", () => {
  it("a role change ends the user's sessions", async () => {
    const target = await db.user.create({
      data: { email: `t-${s()}@test.local`, name: "T. G.", role: "editor" },
    });
    await setUserRole(target.id, "coordinator", actorId);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: target.id },
        select: { role: true, sessionVersion: true },
      }),
    ).toEqual({
      role: "coordinator",
      sessionVersion: 1,
    });
  });
});

describe("people a mission protects", () => {
  it("are created, edited and deleted with audit entries that never hold private values", async () => {
    const { createBeneficiary, updateBeneficiary, deleteBeneficiary } = await import("../campaigns/edit-beneficiary");
    const campaign = await db.campaign.create({
      data: { slug: `b-${s()}`, title: "C", summary: "x", goalAmount: 1, currency: "JPY" },
      select: { id: true },
    });
    const fields = {
      publicLabel: "two brothers",
      privateName: "Secret Name",
      privateLocation: "Secret Town",
      privateContact: "",
      privateNotes: "",
    };
    await createBeneficiary(campaign.id, fields, actorId);
    const created = await db.beneficiary.findFirstOrThrow({
      where: { campaignId: campaign.id },
      select: { id: true },
    });
    await updateBeneficiary(created.id, { ...fields, privateLocation: "Other Secret Town" }, actorId);
    await deleteBeneficiary(created.id, actorId);
    expect(await db.beneficiary.count({ where: { campaignId: campaign.id } })).toBe(0);
    const entries = await db.auditLog.findMany({
      where: { entityId: created.id },
      orderBy: { id: "asc" },
      select: { action: true, changes: true },
    });
    expect(entries.map((e) => e.action)).toEqual([
      "beneficiary.create",
      "beneficiary.update",
      "beneficiary.delete",
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Secret/);
  });
});
