import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

test("a wrong password and an unknown e-mail get the same answer, and the typed e-mail stays", async ({ page }) => {
  const user = await createUser("editor");
  for (const email of [user.email, `nobody-${Date.now()}@test.safe-passage.local`]) {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "The e-mail or password is not right." }),
    ).toBeVisible();
    await expect(page.getByLabel("E-mail")).toHaveValue(email);
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await expect(page).toHaveURL(/\/sign-in/);
  const failures = await withDb((db) =>
    db.rateLimit.count({ where: { key: { startsWith: "signInAccountAddress:" } } }),
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

test("an attacker hammering the admin's account from one address does not lock the admin out; an admin clears the block", async ({
  browser,
}) => {
  const owner = await createUser("admin");
  const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
  const attackerPage = await attacker.newPage();
  for (let i = 0; i < 11; i++) {
    await attackerPage.goto("/sign-in");
    await attackerPage.getByLabel("E-mail").fill(owner.email);
    await attackerPage.getByLabel("Password").fill(`guess-${i}`);
    await attackerPage.getByRole("button", { name: "Sign in" }).click();
    await expect(attackerPage.getByRole("alert").filter({ hasText: /not right|Too many attempts/ })).toBeVisible();
  }
  await expect(attackerPage.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();

  // The owner, from another address, signs in and sees the block on the Users page.
  const ownerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, owner);
  await ownerPage.goto("/dashboard/users");
  const row = ownerPage.getByTestId("user-row").filter({ hasText: owner.email });
  await expect(row.getByTestId("sign-in-block")).toContainText("Sign-in blocked from 1 address");
  await row.getByRole("button", { name: `Clear sign-in block of ${owner.email}` }).click();
  await expect(ownerPage.getByTestId("sign-in-block")).toHaveCount(0);
  await attacker.close();
  await ownerContext.close();
});
