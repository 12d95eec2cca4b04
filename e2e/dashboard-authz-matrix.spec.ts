// Every dashboard page and route handler against every kind of visitor, over HTTP. The table is
// explicit; a page or handler that exists without a row here fails the first test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import type { Role } from "../lib/generated/prisma/enums";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

type Caller = "anonymous" | "forged-cookie" | Role;
const ALL = ["admin", "coordinator", "editor"] as const;
const CAMPAIGNS = ["admin", "coordinator"] as const;
const ADMIN = ["admin"] as const;

/** Route (as in the file tree, under app/(dashboard)) → roles that get it. Everyone else: sign-in or 404. */
const EXPECTED: Record<string, readonly Role[]> = {
  "/dashboard": ALL,
  "/dashboard/campaigns": CAMPAIGNS,
  "/dashboard/campaigns/new": CAMPAIGNS,
  "/dashboard/campaigns/[id]": CAMPAIGNS,
  "/dashboard/articles": ALL,
  "/dashboard/articles/new": ALL,
  "/dashboard/articles/[id]": ALL,
  "/dashboard/articles/[id]/preview": ALL,
  "/dashboard/articles/taxonomy": ALL,
  "/dashboard/donations": CAMPAIGNS,
  "/dashboard/donations/export": CAMPAIGNS,
  "/dashboard/donations/[id]": CAMPAIGNS,
  "/dashboard/users": ADMIN,
  "/dashboard/audit": ADMIN,
};
const HANDLERS = new Set(["/dashboard/donations/export"]);

const ROOT = path.resolve(import.meta.dirname, "../app/(dashboard)");

function discoverRoutes(): string[] {
  return readdirSync(ROOT, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f))
    .map((f) => `/${f.replace(/\/?(page\.tsx|route\.ts)$/, "")}`.replace(/\/\([^)]+\)/g, ""));
}

/** What each kind of caller must get. */
function expected(route: string, caller: Caller): number | "sign-in" {
  if (caller === "anonymous") return "sign-in";
  if (caller === "forged-cookie") return HANDLERS.has(route) ? 401 : "sign-in";
  return EXPECTED[route]!.includes(caller) ? 200 : 404;
}

async function requestFor(browser: Browser, caller: Caller, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  if (caller === "forged-cookie") {
    // Gets past proxy.ts, so the page itself must refuse it.
    await context.addCookies([{ name: "next-auth.session-token", value: "forged", url: baseURL }]);
  } else if (caller !== "anonymous") {
    await signIn(await context.newPage(), await createUser(caller));
  }
  return context;
}

test("every dashboard page and handler has a row in the table, and every row has a page", () => {
  expect(discoverRoutes().sort()).toEqual(Object.keys(EXPECTED).sort());
});

for (const caller of ["anonymous", "forged-cookie", "editor", "coordinator", "admin"] as const) {
  test(`${caller} gets exactly the expected answer from every dashboard page`, async ({
    browser,
    baseURL,
  }) => {
    const suffix = Date.now().toString(36);
    const ids = await withDb(async (db) => {
      const campaign = await db.campaign.create({
        data: {
          slug: `matrix-${caller}-${suffix}`,
          title: "Matrix",
          summary: "x",
          goalAmount: 1000n,
          currency: "JPY",
        },
        select: { id: true },
      });
      const category = await db.category.create({
        data: { slug: `matrix-${caller}-${suffix}`, name: "Matrix" },
        select: { id: true },
      });
      const post = await db.post.create({
        data: { slug: `matrix-${caller}-${suffix}`, title: "Matrix", body: "x", categoryId: category.id },
        select: { id: true },
      });
      const gift = await db.donation.create({
        data: {
          campaignId: campaign.id,
          amount: 1000n,
          currency: "JPY",
          status: "succeeded",
          method: "cash",
          offlineReference: `matrix-${caller}-${suffix}`,
          receiptToken: `matrix-${caller}-${suffix}-${Math.random().toString(36).slice(2)}`,
        },
        select: { id: true },
      });
      return { campaign: campaign.id, post: post.id, gift: gift.id };
    });
    const context = await requestFor(browser, caller, baseURL!);
    const request = context.request;
    const seen: Record<string, number | string> = {};
    const want: Record<string, number | string> = {};
    for (const route of discoverRoutes()) {
      const url = route
        .replace("campaigns/[id]", `campaigns/${ids.campaign}`)
        .replace("articles/[id]", `articles/${ids.post}`)
        .replace("donations/[id]", `donations/${ids.gift}`);
      const response = await request.get(url, { maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      seen[route] =
        response.status() >= 300 && response.status() < 400 && location.includes("/sign-in")
          ? "sign-in"
          : response.status();
      want[route] = expected(route, caller);
    }
    await context.close();
    expect(seen).toEqual(want);
  });
}
