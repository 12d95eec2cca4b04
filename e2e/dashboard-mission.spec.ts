// Issue 12's safety bugs as a coordinator met them, in the browser: a scheduled stage never shows
// early, a safety pause wins at once, a second note never moves the mission back. The dashboard
// says both what is real and what the public sees, in the site's time zone.
import { expect, test, type Page } from "@playwright/test";
import { toZonedDateTime } from "../lib/time-zone";
import { makeCampaign } from "../test/support/factories";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";
import { flushPublicCache } from "./fixtures/public-cache";
import { SITE_TIME_ZONE } from "./fixtures/site";

const HOUR = 3_600_000;

const moveForm = (page: Page) => page.locator("form").filter({ has: page.getByRole("button", { name: "Move stage" }) });
const noteForm = (page: Page) => page.locator("form").filter({ has: page.getByRole("button", { name: "Post note" }) });

async function publicStage(page: Page, slug: string) {
  await page.goto(`/campaigns/${slug}`);
  return page.getByTestId("public-stage").innerText();
}

test("a scheduled move stays hidden everywhere, whatever note follows it (bug 1)", async ({ page, browser }) => {
  const campaign = await withDb((db) => makeCampaign(db, { stage: "funded" }));
  // Unique texts: the privacy crawler treats every held-back note as a secret to look for.
  const moveNote = `The journey of ${campaign.slug} has begun.`;
  const thanks = `Thank you all, from ${campaign.slug}.`;
  await signIn(page, await createUser("coordinator"));
  await page.goto(`/dashboard/campaigns/${campaign.id}`);
  const tomorrow = new Date(Date.now() + 24 * HOUR);
  tomorrow.setUTCSeconds(0, 0);
  const typed = toZonedDateTime(tomorrow, SITE_TIME_ZONE);

  await moveForm(page).getByLabel("Move to").selectOption("in_progress");
  await moveForm(page).getByLabel("Public note").fill(moveNote);
  await moveForm(page).getByLabel("Publish at (optional)").fill(typed);
  await moveForm(page).getByRole("button", { name: "Move stage" }).click();
  const shown = `${typed.replace("T", " ")} (${SITE_TIME_ZONE})`;
  await expect(moveForm(page).getByRole("status")).toHaveText(
    `Moved to In progress. Scheduled: the public sees it from ${shown}.`,
  );
  await expect(page.getByTestId("mission-stage")).toHaveText("In progress");
  await expect(page.getByTestId("mission-public-stage")).toHaveText("Funded");
  await expect(page.getByTestId("mission-scheduled")).toContainText(shown);
  const [newest] = await page.getByTestId("mission-update").all();
  await expect(newest!.getByTestId("publication")).toHaveText(`Scheduled for ${shown}`);

  // Reload; the move control starts at the real stage. A public note only, posted now.
  await page.reload();
  await expect(moveForm(page).getByLabel("Move to")).toHaveValue("in_progress");
  await noteForm(page).getByLabel("Public note").fill(thanks);
  await noteForm(page).getByRole("button", { name: "Post note" }).click();
  await expect(noteForm(page).getByRole("status")).toContainText("Note posted. Scheduled: the public sees it from");

  const visitor = await (await browser.newContext()).newPage();
  expect(await publicStage(visitor, campaign.slug)).toBe("Funded");
  await expect(visitor.getByTestId("timeline")).toHaveCount(0);
  await visitor.goto("/campaigns?stage=in_progress");
  await expect(visitor.getByRole("heading", { name: campaign.title })).toHaveCount(0);
  await visitor.goto("/");
  const card = visitor.locator("article, li").filter({ has: visitor.getByRole("heading", { name: campaign.title }) });
  if ((await card.count()) > 0) await expect(card.first()).not.toContainText("In progress");
  for (const path of [`/campaigns/${campaign.slug}`, "/campaigns?stage=in_progress", "/", "/campaigns"]) {
    const body = await (await visitor.request.get(path)).text();
    expect(body, path).not.toContain(moveNote);
    expect(body, path).not.toContain(thanks);
  }
  await visitor.context().close();
});

test("a safety pause wins at once over a move scheduled before it, and stays (bug 2)", async ({ page }) => {
  const campaign = await withDb((db) => makeCampaign(db));
  const fundedNote = `Fully funded: ${campaign.slug}!`;
  await signIn(page, await createUser("coordinator"));
  await page.goto(`/dashboard/campaigns/${campaign.id}`);
  const inThreeMinutes = toZonedDateTime(new Date(Date.now() + 3 * 60_000), SITE_TIME_ZONE);
  await moveForm(page).getByLabel("Move to").selectOption("funded");
  await moveForm(page).getByLabel("Public note").fill(fundedNote);
  await moveForm(page).getByLabel("Publish at (optional)").fill(inThreeMinutes);
  await moveForm(page).getByRole("button", { name: "Move stage" }).click();
  await expect(page.getByTestId("mission-stage")).toHaveText("Funded");

  await moveForm(page).getByLabel("Move to").selectOption("suspended");
  await moveForm(page).getByLabel("Public note").fill("Paused for safety.");
  await moveForm(page).getByRole("button", { name: "Move stage" }).click();
  await expect(moveForm(page).getByRole("status")).toHaveText(
    "Moved to Suspended. The public sees it now. 1 update that was not public yet was withdrawn.",
  );
  await expect(page.getByTestId("mission-public-stage")).toHaveText("Suspended");
  await expect(page.getByTestId("publication").filter({ hasText: "Withdrawn" })).toHaveCount(1);
  expect(await publicStage(page, campaign.slug)).toBe("Suspended");

  // Three minutes pass: every stored time of this mission moves four minutes into the past.
  await withDb(
    (db) => db.$executeRaw`
      UPDATE "MissionUpdate"
         SET "publishAt" = "publishAt" - interval '4 minutes', "createdAt" = "createdAt" - interval '4 minutes'
       WHERE "campaignId" = ${campaign.id}`,
  );
  await flushPublicCache();
  expect(await publicStage(page, campaign.slug)).toBe("Suspended");
  await expect(page.getByTestId("timeline")).not.toContainText(fundedNote);
  await page.goto(`/dashboard/campaigns/${campaign.id}`);
  await expect(page.getByTestId("mission-stage")).toHaveText("Suspended");
  await expect(page.getByTestId("mission-public-stage")).toHaveText("Suspended");
});

test("after a move the control shows the new stage and offers only legal moves; a second note moves nothing (bug 3)", async ({
  page,
  browser,
}) => {
  const campaign = await withDb((db) => makeCampaign(db));
  const coordinator = await createUser("coordinator");
  await signIn(page, coordinator);
  await page.goto(`/dashboard/campaigns/${campaign.id}`);
  const select = moveForm(page).getByLabel("Move to");
  await expect(select.locator("option")).toHaveText([
    "Awaiting funds (current stage)",
    "Funded",
    "Suspended",
    "Did not succeed",
  ]);
  await select.selectOption("funded");
  await moveForm(page).getByLabel("Public note").fill("Funded, thank you.");
  await moveForm(page).getByRole("button", { name: "Move stage" }).click();
  await expect(page.getByTestId("mission-stage")).toHaveText("Funded");
  await expect(select).toHaveValue("funded");
  await expect(select.locator("option")).toHaveText([
    "Funded (current stage)",
    "In progress",
    "Awaiting funds",
    "Suspended",
    "Did not succeed",
  ]);
  await noteForm(page).getByLabel("Public note").fill("A second note.");
  await noteForm(page).getByRole("button", { name: "Post note" }).click();
  await expect(noteForm(page).getByRole("status")).toHaveText("Note posted. The public sees it now.");
  await expect(page.getByTestId("mission-stage")).toHaveText("Funded");
  expect(await publicStage(page, campaign.slug)).toBe("Funded");

  // A second tab still showing "Funded" while the first moves on: its choice is refused, and the
  // select keeps what was chosen next to the error.
  await page.goto(`/dashboard/campaigns/${campaign.id}`);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, coordinator);
  await other.goto(`/dashboard/campaigns/${campaign.id}`);
  await moveForm(page).getByLabel("Move to").selectOption("in_progress");
  await moveForm(page).getByRole("button", { name: "Move stage" }).click();
  await expect(page.getByTestId("mission-stage")).toHaveText("In progress");
  await moveForm(other).getByLabel("Move to").selectOption("awaiting_funds");
  await moveForm(other).getByRole("button", { name: "Move stage" }).click();
  await expect(moveForm(other).locator("#stage-error")).toHaveText(
    "The mission is now “In progress”: someone moved it after you opened this page. Reload to see it.",
  );
  await expect(moveForm(other).getByLabel("Move to")).toHaveValue("awaiting_funds");
  await other.context().close();

  const updates = await withDb((db) =>
    db.missionUpdate.findMany({
      where: { campaignId: campaign.id },
      orderBy: { sequence: "asc" },
      select: { fromStage: true, stage: true },
    }),
  );
  expect(updates).toEqual([
    { fromStage: "awaiting_funds", stage: "funded" },
    { fromStage: "funded", stage: null },
    { fromStage: "funded", stage: "in_progress" },
  ]);
});
