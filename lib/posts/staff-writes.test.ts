import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeCategory, makePost, makeSeries, makeUser, unique } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

const { db } = await import("@/lib/db");
const { createPost, updatePost, setPostPublished, STALE_POST } = await import("./edit-post");
const { createTaxon, updateTaxon, deleteTaxon } = await import("./edit-taxonomy");
const { getPublicPost } = await import("./public-post");
const { revalidateTag } = await import("next/cache");

const s = unique;
let editor: Awaited<ReturnType<typeof makeUser>>;
let categoryId = "";

beforeAll(async () => {
  editor = await makeUser(db, "editor");
  categoryId = (await makeCategory(db)).id;
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
    const campaign = await makeCampaign(db, { status: "draft" });
    const other = await createPost(editor, post(`other-${s()}`));
    const id = await createPost(editor, post(`main-${s()}`, [campaign.id], [other]));
    await updatePost(editor, { ...post(`main-${s()}`, [], [other]), title: "Renamed", id, version: 1 });
    await expect(updatePost(editor, { ...post(`main-${s()}`), id, version: 1 })).rejects.toMatchObject({
      userMessage: STALE_POST,
    });
    await setPostPublished(editor, { id, version: 2, publish: true });
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
    await createPost(editor, post(slug));
    await expect(createPost(editor, post(slug))).rejects.toMatchObject({ field: "slug" });
  });
});

describe("article scheduling", () => {
  it("publishes at the chosen time: hidden from the public until then", async () => {
    const id = await createPost(editor, post(`later-${s()}`));
    const at = new Date(Date.now() + 2 * 86_400_000);
    await setPostPublished(editor, { id, version: 1, publish: true, publishAt: at });
    const saved = await db.post.findUniqueOrThrow({ where: { id }, select: { slug: true, status: true, publishedAt: true } });
    expect(saved).toMatchObject({ status: "published", publishedAt: at });
    expect(await getPublicPost(saved.slug)).toBeNull();
    expect(await getPublicPost(saved.slug, at)).toMatchObject({ slug: saved.slug });
  });
});

describe("categories and series", () => {
  it("are renamed, and deleted only when no article uses them", async () => {
    const category = await makeCategory(db);
    await updateTaxon(editor, { kind: "category", id: category.id, name: "Renamed", slug: `renamed-${s()}`, description: "New" });
    expect(await db.category.findUniqueOrThrow({ where: { id: category.id } })).toMatchObject({ name: "Renamed", description: "New" });
    const inUse = await makePost(db, { categoryId: category.id });
    await expect(deleteTaxon(editor, { kind: "category", id: category.id })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "“Renamed” cannot be deleted: 1 article uses it. Move them to another category first.",
    });
    await db.post.delete({ where: { id: inUse.id } });
    await deleteTaxon(editor, { kind: "category", id: category.id });
    expect(await db.category.count({ where: { id: category.id } })).toBe(0);

    const series = await makeSeries(db);
    await makePost(db, { seriesId: series.id, seriesPart: 1 });
    await updateTaxon(editor, { kind: "series", id: series.id, name: "New title", slug: series.slug, description: "" });
    expect((await db.series.findUniqueOrThrow({ where: { id: series.id } })).title).toBe("New title");
    // Deleting a series in use would silently take its articles out of it: refused.
    await expect(deleteTaxon(editor, { kind: "series", id: series.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.post.count({ where: { seriesId: series.id } })).toBe(1);
    const actions = await db.auditLog.findMany({ where: { entityId: category.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["category.update", "category.delete"]);
  });

  it("refuse an address another one uses, at the slug field", async () => {
    const taken = await makeCategory(db);
    const other = await makeCategory(db);
    await expect(
      updateTaxon(editor, { kind: "category", id: other.id, name: "x", slug: taken.slug, description: "" }),
    ).rejects.toMatchObject({ field: "slug" });
    await expect(createTaxon(editor, { kind: "category", name: "x", slug: taken.slug, description: "" })).rejects.toMatchObject({
      field: "slug",
    });
  });
});
