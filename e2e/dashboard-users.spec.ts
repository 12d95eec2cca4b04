import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

test("an admin invites a coordinator, who sets a password once and signs in", async ({ page, browser }) => {
  const email = `invited-${Date.now().toString(36)}@test.safe-passage.local`;
  const admin = await createUser("admin");
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Users" }).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create invitation" }) });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role", { exact: true }).selectOption("coordinator");
  await form.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(new URL(link).pathname);
  await invitePage.getByLabel("Name shown to colleagues").fill("N. C.");
  await invitePage.getByLabel("Password", { exact: true }).fill("short");
  await invitePage.getByLabel("Password again").fill("short");
  await invitePage.getByRole("button", { name: "Create my account" }).click();
  await expect(invitePage.locator("#password-error")).toHaveText("At least 12 characters.");
  await expect(invitePage.getByLabel("Name shown to colleagues")).toHaveValue("N. C.");
  await expect(invitePage.getByLabel("Password", { exact: true })).toHaveValue("");

  await invitePage.getByLabel("Password", { exact: true }).fill("a good long password");
  await invitePage.getByLabel("Password again").fill("a good long password");
  await invitePage.getByRole("button", { name: "Create my account" }).click();
  await expect(invitePage.getByRole("status").filter({ hasText: "Your account is ready." })).toBeVisible();
  await signIn(invitePage, { email, password: "a good long password" });
  await expect(invitePage.getByTestId("signed-in-as")).toContainText("N. C. · coordinator");

  await invitePage.goto(new URL(link).pathname);
  await expect(invitePage.getByText("This invitation link is not valid any more.")).toBeVisible();
  const invite = await withDb((db) =>
    db.invite.findFirstOrThrow({ where: { email }, select: { usedAt: true, tokenHash: true } }),
  );
  expect(invite.usedAt).not.toBeNull();
  expect(link).not.toContain(invite.tokenHash);
  const audit = await withDb((db) =>
    db.auditLog.findMany({
      where: {
        action: { in: ["invite.create", "invite.accept"] },
        changes: { path: ["email", "after"], equals: email },
      },
      select: { action: true },
    }),
  );
  expect(audit.map((a) => a.action).sort()).toEqual(["invite.accept", "invite.create"]);
  await invitee.close();
});

test("sign out everywhere ends the sessions on every device", async ({ browser }) => {
  const user = await createUser("editor");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await signIn(a, user);
  await signIn(b, user);
  await a.getByText("Lost a device? End every session").click();
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  // This device too: the refreshed page finds the session outdated.
  await expect(a).toHaveURL(/\/sign-in/);
  await b.goto("/dashboard/articles");
  await expect(b).toHaveURL(/\/sign-in/);
  const row = await withDb((db) =>
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } }),
  );
  expect(row.sessionVersion).toBe(1);
  await laptop.close();
  await phone.close();
});

test("an admin changes a role and reads it in the audit log as before → after", async ({ page }) => {
  const admin = await createUser("admin");
  const editor = await createUser("editor");
  await signIn(page, admin);
  await page.goto("/dashboard/users");
  const row = page.getByTestId("user-row").filter({ hasText: editor.email });
  await row.getByLabel(`Role of ${editor.email}`).selectOption("coordinator");
  await row.getByRole("button", { name: "Change role" }).click();
  // The admin is told what happened, and the select shows the new role.
  await expect(row.getByRole("status")).toHaveText(
    `${editor.email} is now coordinator. Their sessions were ended: the new role applies from their next sign-in.`,
  );
  await expect(row.getByLabel(`Role of ${editor.email}`)).toHaveValue("coordinator");
  await expect
    .poll(() =>
      withDb((db) =>
        db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { role: true, sessionVersion: true } }),
      ),
    )
    .toEqual({ role: "coordinator", sessionVersion: 1 });

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Audit log" }).click();
  const entry = page.getByTestId("audit-entry").filter({ hasText: `user.role · User ${editor.id}` });
  await expect(entry).toContainText(admin.name);
  await expect(entry).toContainText("role: editor → coordinator");
});
