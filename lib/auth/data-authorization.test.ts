// Every staff read and write in the data layer refuses a role that may not use it, even when
// called directly: a page or action that forgets requireRole() still cannot show a beneficiary
// or move money. The table is explicit; an exported function of a staff data module without a
// row fails the test, so new staff functions cannot skip the review.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeUser } from "@/test/support/factories";
import { type Area, ROLES } from "./roles";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");

/** Staff data modules (under lib/) and, per export, the area whose roles may call it. */
const EXPECTED: Record<string, Record<string, Area>> = {
  "audit/list-audit": { listAuditEntries: "admin" },
  "campaigns/edit-beneficiary": { createBeneficiary: "beneficiaries", updateBeneficiary: "beneficiaries", deleteBeneficiary: "beneficiaries" },
  "campaigns/edit-campaign": { createCampaign: "campaigns", updateCampaign: "campaigns", setCampaignStatus: "campaigns" },
  "campaigns/record-mission-update": { moveMissionStage: "campaigns", postMissionNote: "campaigns" },
  "campaigns/staff-beneficiaries": { listBeneficiaries: "beneficiaries" },
  "campaigns/staff-campaigns": { listCampaignsForDashboard: "campaigns", getCampaignForEdit: "campaigns", listCampaignChoices: "donations" },
  "donations/donation-message": { setDonationMessageHidden: "donations" },
  "donations/offline-gift": {
    recordOfflineDonation: "donations",
    getOfflineDonation: "donations",
    updateOfflineDonation: "donations",
    voidOfflineDonation: "donations",
  },
  "donations/refund": { refundDonation: "donations" },
  "donations/staff-donations": { listDonations: "donations", iterateDonations: "donations", parseDonationFilters: "public" as Area },
  "payments/staff-webhook-health": { getWebhookHealth: "admin" },
  "donations/staff-overview": { getRaisedTotals: "donations", getDailyDonationCounts: "donations", getClosestDeadlines: "campaigns", getRecentDonations: "donations" },
  "posts/edit-post": { createPost: "articles", updatePost: "articles", setPostPublished: "articles" },
  "posts/edit-taxonomy": { createTaxon: "articles", updateTaxon: "articles", deleteTaxon: "articles" },
  "posts/staff-posts": { listPostsForDashboard: "articles", getPostForEdit: "articles", getPostFormChoices: "articles" },
  "posts/staff-taxonomy": { listTaxonomy: "articles" },
  "users/edit-user": { setUserRole: "admin", setUserDisabled: "admin", signOutEverywhere: "staff" },
  "users/invites": { createInvite: "admin", hashInviteToken: "public" as Area, findOpenInvite: "public" as Area, acceptInvite: "public" as Area },
  "users/staff-users": { listUsers: "admin", listOpenInvites: "admin" },
  "users/sign-in-blocks": { listSignInBlocks: "admin", clearUserSignInBlocks: "admin", clearAddressSignInBlock: "admin" },
};

type Fn = (...args: unknown[]) => unknown;
const users: Partial<Record<Role, { id: string; role: Role }>> = {};

beforeAll(async () => {
  for (const role of ["admin", "coordinator", "editor"] as const) users[role] = await makeUser(db, role);
});
afterAll(() => db.$disconnect());

/** Calls `fn` as `actor` with placeholder arguments; "FORBIDDEN" or "passed" (whatever happened next). */
async function outcome(fn: Fn, actor: { id: string; role: Role }): Promise<string> {
  try {
    const result = fn(actor, { id: "missing" }, "missing", "missing");
    // iterateDonations is an async generator: its checks run on the first next().
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      await (result as AsyncGenerator).next();
    } else {
      await result;
    }
  } catch (error) {
    if ((error as { code?: string }).code === "FORBIDDEN") return "FORBIDDEN";
  }
  return "passed";
}

describe("data layer authorization", () => {
  for (const [module, exports] of Object.entries(EXPECTED)) {
    it(`${module}: every staff function refuses the roles that may not use it`, async () => {
      const mod = (await import(path.resolve(import.meta.dirname, "..", `${module}.ts`))) as Record<string, unknown>;
      const functions = Object.entries(mod).filter((e): e is [string, Fn] => typeof e[1] === "function");
      expect(functions.map(([name]) => name).sort()).toEqual(Object.keys(exports).sort());
      for (const [name, fn] of functions) {
        const area = exports[name];
        if (!area || (area as string) === "public") continue;
        for (const role of ["admin", "coordinator", "editor"] as const) {
          const allowed = (ROLES[area] as readonly Role[]).includes(role);
          expect(`${name} as ${role}: ${await outcome(fn, users[role]!)}`).toBe(
            `${name} as ${role}: ${allowed ? "passed" : "FORBIDDEN"}`,
          );
        }
      }
    });
  }
});
