// The coordinator's acts on a mission, through the data layer and the real public reads, at fixed
// clocks. Issue 12's bugs 1–3 as a coordinator met them, and the site time zone end to end.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeUser } from "@/test/support/factories";

vi.stubEnv("SITE_TIME_ZONE", "Asia/Tokyo");
// Outside a Next server there is no cache to wrap: call the reads directly.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => undefined }));

const { db } = await import("@/lib/db");
const { moveMissionStage, postMissionNote } = await import("./record-mission-update");
const { getPublicCampaign } = await import("./public-campaign");
const { listPublicCampaigns } = await import("./public-campaign-list");
const { missionMoveSchema, missionNoteSchema } = await import("@/lib/validations/mission");

let coordinator: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  coordinator = await makeUser(db, "coordinator");
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => db.$disconnect());

const MIN = 60_000;
/** Freezes Date (only Date: the database driver keeps its real timers). */
function clockAt(iso: string | number): Date {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
  return new Date();
}
const notes = { publicNote: "", privateNote: "" };

async function publicStageOf(slug: string, at: Date) {
  const page = await getPublicCampaign(slug, at);
  const card = (await listPublicCampaigns(at)).find((c) => c.slug === slug);
  expect(card?.stage, "the home card and the stage filter agree with the page").toBe(page?.stage);
  return page!;
}

describe("mission updates as the public sees them", () => {
  it("bug 1: a note posted after a scheduled move does not reveal the move", async () => {
    const c = await makeCampaign(db, { stage: "funded" });
    const now = clockAt("2026-11-27T03:00:00Z");
    const tomorrow = new Date(now.getTime() + 24 * 60 * MIN);
    await moveMissionStage(coordinator, {
      campaignId: c.id,
      fromStage: "funded",
      stage: "in_progress",
      publicNote: "The journey has begun.",
      privateNote: "",
      publishAt: tomorrow,
    });
    expect((await publicStageOf(c.slug, now)).stage).toBe("funded");
    // Reload, type a public note only, record: the note is news, not a move.
    const posted = await postMissionNote(coordinator, { campaignId: c.id, publicNote: "Thank you all.", privateNote: "" });
    expect(posted.publication).toMatchObject({ kind: "public", at: tomorrow, held: true });
    const soon = new Date(now.getTime() + MIN);
    const page = await publicStageOf(c.slug, soon);
    expect(page.stage).toBe("funded");
    expect(page.timeline.map((e) => e.publicNote)).not.toContain("The journey has begun.");
    expect((await listPublicCampaigns(soon)).filter((x) => x.stage === "in_progress").map((x) => x.slug)).not.toContain(c.slug);
    // At its time both appear, in the order they were written.
    const later = await publicStageOf(c.slug, tomorrow);
    expect(later.stage).toBe("in_progress");
    expect(later.timeline.map((e) => e.publicNote)).toEqual(["Thank you all.", "The journey has begun."]);
    const saved = await db.campaign.findUniqueOrThrow({ where: { id: c.id }, select: { stage: true } });
    expect(saved.stage).toBe("in_progress");
  });

  it("bug 2: a safety pause wins at once and stays, over a move scheduled before it", async () => {
    const c = await makeCampaign(db);
    const now = clockAt("2026-11-27T03:00:00Z");
    await moveMissionStage(coordinator, {
      campaignId: c.id,
      fromStage: "awaiting_funds",
      stage: "funded",
      publicNote: "Fully funded!",
      privateNote: "",
      publishAt: new Date(now.getTime() + 3 * MIN),
    });
    const paused = await moveMissionStage(coordinator, {
      campaignId: c.id,
      fromStage: "funded",
      stage: "suspended",
      publicNote: "Paused for safety.",
      privateNote: "",
    });
    expect(paused).toMatchObject({ publication: { kind: "public", at: now }, withdrawn: 1 });
    for (const minutes of [0, 3, 4, 60 * 24 * 30]) {
      const page = await publicStageOf(c.slug, new Date(now.getTime() + minutes * MIN));
      expect(page.stage, `+${minutes} min`).toBe("suspended");
      expect(page.timeline.map((e) => e.publicNote)).toEqual(["Paused for safety."]);
    }
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: c.id, action: "mission.update" },
      orderBy: { id: "desc" },
      select: { changes: true },
    });
    expect(audit.changes).toMatchObject({ stage: { before: "funded", after: "suspended" }, withdrawnUpdates: { after: 1 } });
  });

  it("refuses to schedule a safety pause: it is public at once or not at all", async () => {
    const c = await makeCampaign(db, { stage: "funded" });
    await expect(
      moveMissionStage(coordinator, {
        campaignId: c.id,
        fromStage: "funded",
        stage: "suspended",
        ...notes,
        publishAt: new Date(Date.now() + 60 * MIN),
      }),
    ).rejects.toMatchObject({ field: "publishAt" });
    expect(await db.missionUpdate.count({ where: { campaignId: c.id } })).toBe(0);
  });

  it("bug 3: a second note never moves the mission, and a move from a stale page is refused", async () => {
    const c = await makeCampaign(db);
    await moveMissionStage(coordinator, { campaignId: c.id, fromStage: "awaiting_funds", stage: "funded", ...notes });
    await postMissionNote(coordinator, { campaignId: c.id, publicNote: "Second note", privateNote: "" });
    // The page opened before the move still says "Awaiting funds": what it sends is refused.
    await expect(
      moveMissionStage(coordinator, { campaignId: c.id, fromStage: "awaiting_funds", stage: "funded", ...notes }),
    ).rejects.toMatchObject({ field: "stage", code: "CONFLICT" });
    await expect(
      moveMissionStage(coordinator, { campaignId: c.id, fromStage: "funded", stage: "funded", ...notes }),
    ).rejects.toMatchObject({ field: "stage", code: "ILLEGAL_STAGE_MOVE" });
    const saved = await db.campaign.findUniqueOrThrow({
      where: { id: c.id },
      select: { stage: true, updates: { orderBy: { sequence: "asc" }, select: { fromStage: true, stage: true } } },
    });
    expect(saved).toEqual({
      stage: "funded",
      updates: [
        { fromStage: "awaiting_funds", stage: "funded" },
        { fromStage: "funded", stage: null },
      ],
    });
    expect((await publicStageOf(c.slug, new Date())).stage).toBe("funded");
  });

  it("a note needs some text, and a private-only note never reaches the public", async () => {
    const c = await makeCampaign(db);
    await expect(postMissionNote(coordinator, { campaignId: c.id, ...notes })).rejects.toMatchObject({ field: "publicNote" });
    await postMissionNote(coordinator, { campaignId: c.id, publicNote: "", privateNote: "PRIVATE-ONLY" });
    const page = await publicStageOf(c.slug, new Date(Date.now() + 60 * MIN));
    expect(page.timeline).toEqual([]);
    expect(JSON.stringify(page, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain("PRIVATE-ONLY");
  });
});

describe("the site time zone", () => {
  it("reads 10:00 typed as Tokyo time as 01:00 UTC: public from then, not a second before", async () => {
    const c = await makeCampaign(db);
    clockAt("2026-11-30T12:00:00Z");
    const form = { campaignId: c.id, publicNote: "Landed safely.", privateNote: "", publishAt: "2026-12-01T10:00" };
    const note = missionNoteSchema.parse(form);
    expect(note.publishAt?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    await postMissionNote(coordinator, note);
    const before = await publicStageOf(c.slug, new Date("2026-12-01T00:59:59Z"));
    expect(before.timeline).toEqual([]);
    const at = await publicStageOf(c.slug, new Date("2026-12-01T01:00:00Z"));
    expect(at.timeline.map((e) => [e.publicNote, e.publishAt])).toEqual([["Landed safely.", "2026-12-01T01:00:00.000Z"]]);
    // A move typed the same way.
    const move = missionMoveSchema.parse({ ...form, fromStage: "awaiting_funds", stage: "funded" });
    expect(move.publishAt?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
  });
});
