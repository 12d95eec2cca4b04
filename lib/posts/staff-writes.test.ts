import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeCategory, makeUser, unique } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { createPost, updatePost, setPostPublished, STALE_POST } = await import("./edit-post");
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
