import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

test("a wrong password and an unknown e-mail get the same answer", async ({ page }) => {
  const user = await createUser("editor");
  for (const email of [user.email, `nobody-${Date.now()}@test.safe-passage.local`]) {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "The e-mail or password is not right." }),
    ).toBeVisible();
  }
  await expect(page).toHaveURL(/\/sign-in/);
  const failures = await withDb((db) =>
    db.rateLimit.count({ where: { key: { startsWith: "signInAccount:" } } }),
  );
  expect(failures).toBeGreaterThanOrEqual(2);
});

test("anonymous visitors are sent from the dashboard to sign in", async ({ page }) => {
  await page.goto("/dashboard/campaigns");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fcampaigns/);
});

test("a disabled user is signed out at the next request", async ({ page }) => {
  const user = await createUser("coordinator");
  await signIn(page, user);
  await page.goto("/dashboard/campaigns");
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  await withDb((db) =>
    db.user.update({
      where: { id: user.id },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
    }),
  );
  await page.goto("/dashboard/campaigns");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Campaigns" })).toHaveCount(0);
});

test("an admin disables a user in the dashboard and that user's next request is signed out", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, await createUser("admin"));
  const victimContext = await browser.newContext();
  const victimPage = await victimContext.newPage();
  const victim = await createUser("editor");
  await signIn(victimPage, victim);

  await admin.goto("/dashboard/users");
  await admin.getByRole("button", { name: `Disable ${victim.email}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "User disabled and signed out." })).toBeVisible();

  await victimPage.goto("/dashboard/articles");
  await expect(victimPage).toHaveURL(/\/sign-in/);
  const row = await withDb((db) =>
    db.user.findUniqueOrThrow({ where: { id: victim.id }, select: { disabledAt: true } }),
  );
  expect(row.disabledAt).not.toBeNull();
  const audit = await withDb((db) =>
    db.auditLog.count({ where: { action: "user.disable", entityId: victim.id } }),
  );
  expect(audit).toBe(1);
  await adminContext.close();
  await victimContext.close();
});

test("signing out ends the session in this browser", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard/articles");
  await expect(page).toHaveURL(/\/sign-in/);
});
