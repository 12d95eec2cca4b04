// Every server action in app/ against every kind of caller. The expectation table is explicit;
// an action that exists without a row here fails the test, so new actions cannot skip the review.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session-claims";
import type { Role } from "@/lib/generated/prisma/enums";

const claims = vi.hoisted(() => ({ current: null as SessionClaims | null }));
vi.mock("@/lib/auth/session-claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.77" }) }));

const { db } = await import("@/lib/db");

type Caller = "anonymous" | Role;
type Allowed = "public" | readonly Role[];

const CAMPAIGNS = ["admin", "coordinator"] as const;
const ARTICLES = ["admin", "coordinator", "editor"] as const;
const ADMIN = ["admin"] as const;

/** file (relative to app/) # export → who may call it. */
const EXPECTED: Record<string, Allowed> = {
  "(auth)/invite/[token]/actions.ts#acceptInviteAction": "public",
  "(dashboard)/dashboard/actions.ts#signOutEverywhereAction": ARTICLES,
  "(dashboard)/dashboard/campaigns/actions.ts#createCampaignAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#updateCampaignAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#setCampaignStatusAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#moveMissionAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#postMissionNoteAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#createBeneficiaryAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#updateBeneficiaryAction": CAMPAIGNS,
  "(dashboard)/dashboard/campaigns/actions.ts#deleteBeneficiaryAction": CAMPAIGNS,
  "(dashboard)/dashboard/articles/actions.ts#createPostAction": ARTICLES,
  "(dashboard)/dashboard/articles/actions.ts#updatePostAction": ARTICLES,
  "(dashboard)/dashboard/articles/actions.ts#setPostPublishedAction": ARTICLES,
  "(dashboard)/dashboard/articles/actions.ts#createTaxonAction": ARTICLES,
  "(dashboard)/dashboard/articles/actions.ts#updateTaxonAction": ARTICLES,
  "(dashboard)/dashboard/articles/actions.ts#deleteTaxonAction": ARTICLES,
  "(dashboard)/dashboard/donations/actions.ts#recordOfflineDonationAction": CAMPAIGNS,
  "(dashboard)/dashboard/donations/actions.ts#updateOfflineDonationAction": CAMPAIGNS,
  "(dashboard)/dashboard/donations/actions.ts#voidOfflineDonationAction": CAMPAIGNS,
  "(dashboard)/dashboard/donations/actions.ts#setMessageHiddenAction": CAMPAIGNS,
  "(dashboard)/dashboard/donations/actions.ts#refundDonationAction": CAMPAIGNS,
  "(dashboard)/dashboard/users/actions.ts#inviteUserAction": ADMIN,
  "(dashboard)/dashboard/users/actions.ts#setRoleAction": ADMIN,
  "(dashboard)/dashboard/users/actions.ts#setDisabledAction": ADMIN,
  "(dashboard)/dashboard/users/actions.ts#clearUserSignInBlockAction": ADMIN,
  "(dashboard)/dashboard/users/actions.ts#clearAddressSignInBlockAction": ADMIN,
  // Donors' actions: public by design, bound to a slug or session id, and they read no session.
  "(public)/campaigns/[slug]/donate/actions.ts#donate": "public",
  "(public)/demo-checkout/[sessionId]/actions.ts#payDemo": "public",
};

type AnyAction = (...args: unknown[]) => Promise<unknown>;

/** Public donor actions take a bound first argument; an unknown target must be refused politely. */
const INVOKE: Record<string, (action: AnyAction) => Promise<unknown>> = {
  "(public)/campaigns/[slug]/donate/actions.ts#donate": (action) => action("no-such-campaign", {}, new FormData()),
  "(public)/demo-checkout/[sessionId]/actions.ts#payDemo": (action) => action("cs_no_such_session", {}),
};

const APP = path.resolve(import.meta.dirname, "../../app");

/** Files whose first statement is the use-server directive, anywhere under app/. */
function serverActionFiles(): string[] {
  return readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"))
    .filter((f) => /^\s*["']use server["']/.test(readFileSync(path.join(APP, f), "utf8")))
    .map((f) => f.split(path.sep).join("/"));
}

async function discoverActions(): Promise<Map<string, AnyAction>> {
  const found = new Map<string, AnyAction>();
  for (const file of serverActionFiles()) {
    const mod: Record<string, unknown> = await import(path.join(APP, file));
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function")
        found.set(`${file}#${name}`, value as AnyAction);
    }
  }
  return found;
}

const users: Partial<Record<Role, string>> = {};
const suffix = Date.now().toString(36);

beforeAll(async () => {
  for (const role of ["admin", "coordinator", "editor"] as const) {
    const user = await db.user.create({
      data: { email: `matrix-${role}-${suffix}@test.local`, name: "M. X.", role },
      select: { id: true },
    });
    users[role] = user.id;
  }
});

afterAll(async () => {
  await db.$disconnect();
});

async function actAs(caller: Caller): Promise<void> {
  if (caller === "anonymous") {
    claims.current = null;
    return;
  }
  const id = users[caller]!;
  const { sessionVersion } = await db.user.findUniqueOrThrow({
    where: { id },
    select: { sessionVersion: true },
  });
  claims.current = { userId: id, sessionVersion };
}

function expectedCode(allowed: Allowed, caller: Caller): "UNAUTHENTICATED" | "FORBIDDEN" | "ALLOWED" {
  if (allowed === "public") return "ALLOWED";
  if (caller === "anonymous") return "UNAUTHENTICATED";
  return allowed.includes(caller) ? "ALLOWED" : "FORBIDDEN";
}

/** An empty form gets past authorization only to fail validation (or succeed when nothing is needed). */
function outcome(result: unknown): string {
  const r = result as { ok?: boolean; code?: string; error?: string };
  if (r.ok || r.code === "INVALID_INPUT") return "ALLOWED";
  // Donor actions answer { error } without a code: a refusal of the input, not of the caller.
  if (r.ok === undefined && r.code === undefined && typeof r.error === "string") return "ALLOWED";
  return r.code ?? "UNKNOWN";
}

function invoke(key: string, action: AnyAction): Promise<unknown> {
  return (INVOKE[key] ?? ((a: AnyAction) => a(null, new FormData())))(action);
}

describe("server action authorization matrix", () => {
  it("has an expectation for every server action, and every expectation has an action", async () => {
    const discovered = [...(await discoverActions()).keys()].sort();
    expect(discovered).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const caller of ["anonymous", "editor", "coordinator", "admin"] as const) {
    it(`gives ${caller} exactly the expected answer from every action`, async () => {
      const actions = await discoverActions();
      const seen: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const [key, action] of actions) {
        await actAs(caller);
        seen[key] = outcome(await invoke(key, action));
        want[key] = expectedCode(EXPECTED[key] ?? [], caller);
      }
      expect(seen).toEqual(want);
    });
  }

  it("treats a disabled user and an outdated session as signed out", async () => {
    const actions = await discoverActions();
    const invite = actions.get("(dashboard)/dashboard/users/actions.ts#inviteUserAction")!;
    const id = users.admin!;
    await actAs("admin");
    const stale = claims.current!;
    await db.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    claims.current = stale;
    expect(outcome(await invite(null, new FormData()))).toBe("UNAUTHENTICATED");
    await actAs("admin");
    expect(outcome(await invite(null, new FormData()))).toBe("ALLOWED");
    await db.user.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(outcome(await invite(null, new FormData()))).toBe("UNAUTHENTICATED");
    await db.user.update({ where: { id }, data: { disabledAt: null } });
  });
});
