import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/** What lib/campaigns/mission-timeline.ts needs to tell when each update is public. */
const scheduleFields = {
  id: true,
  sequence: true,
  fromStage: true,
  stage: true,
  publicNote: true,
  publishAt: true,
} as const;

export async function listCampaignsForDashboard(actor: Actor) {
  assertMayUse(actor, "campaigns");
  return db.campaign.findMany({
    orderBy: [{ status: "asc" }, { deadline: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      stage: true,
      goalAmount: true,
      raisedAmount: true,
      currency: true,
      deadline: true,
      // For "the public sees", derived by lib/campaigns/mission-timeline.ts.
      updates: { select: scheduleFields },
    },
  });
}

/** What the edit page shows, the mission's private notes included. The people it protects are read apart. */
export async function getCampaignForEdit(actor: Actor, id: string) {
  assertMayUse(actor, "campaigns");
  return db.campaign.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      summary: true,
      story: true,
      goalAmount: true,
      currency: true,
      deadline: true,
      peopleCount: true,
      status: true,
      stage: true,
      version: true,
      raisedAmount: true,
      donorCount: true,
      updates: {
        orderBy: { sequence: "desc" },
        select: { ...scheduleFields, privateNote: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
}

/** Every campaign as a choice in a staff form or filter (offline gifts, donation filters). */
export async function listCampaignChoices(actor: Actor) {
  assertMayUse(actor, "donations");
  return db.campaign.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, currency: true },
  });
}
