// Issue 12, bug 6: two tabs on the same protected person. The second save is refused instead of
// silently undoing the first; the audit log names the fields that changed and never their values.
import { expect, test, type Page } from "@playwright/test";
import { makeBeneficiary, makeCampaign } from "../test/support/factories";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

const personForm = (page: Page) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: "Save", exact: true }) });

test("a stale edit of a protected person is refused, nothing is lost, and removing asks first", async ({ browser }) => {
  const campaign = await withDb((db) => makeCampaign(db));
  const person = await withDb((db) => makeBeneficiary(db, campaign));
  const coordinator = await createUser("coordinator");
  const [a, b] = await Promise.all([browser.newContext(), browser.newContext()].map(async (c) => (await c).newPage()));
  for (const page of [a!, b!]) {
    await signIn(page, coordinator);
    await page.goto(`/dashboard/campaigns/${campaign.id}`);
    await page.getByText(person.publicLabel).click();
  }
  await personForm(a!).getByLabel("Name (private)").fill("NAME-FROM-TAB-A");
  await personForm(a!).getByRole("button", { name: "Save", exact: true }).click();
  await expect(personForm(a!).getByRole("status")).toHaveText("Saved.");

  await personForm(b!).getByLabel("Location (private)").fill("PLACE-FROM-TAB-B");
  await personForm(b!).getByRole("button", { name: "Save", exact: true }).click();
  await expect(personForm(b!).getByRole("alert")).toHaveText(
    "Someone else changed this person's details since you opened them. Reload to see their changes.",
  );
  await expect(personForm(b!).getByLabel("Location (private)")).toHaveValue("PLACE-FROM-TAB-B");
  const saved = await withDb((db) => db.beneficiary.findUniqueOrThrow({ where: { id: person.id } }));
  expect(saved).toMatchObject({ privateName: "NAME-FROM-TAB-A", privateLocation: person.privateLocation });

  // The admin reads which field changed, not what it says.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, await createUser("admin"));
  await admin.goto("/dashboard/audit");
  const entry = admin.getByTestId("audit-entry").filter({ hasText: `beneficiary.update · Beneficiary ${person.id}` });
  await expect(entry).toContainText("privateName: changed (private: value not logged)");
  await expect(entry).not.toContainText("NAME-FROM-TAB-A");
  await expect(entry).not.toContainText("privateLocation");

  // Removing asks for a yes before anything is deleted.
  await a!.reload();
  await a!.getByText(person.publicLabel).click();
  const remove = a!.locator("form").filter({ has: a!.getByRole("button", { name: "Remove…" }) });
  await remove.getByRole("button", { name: "Remove…" }).click();
  await expect(remove.getByRole("alert")).toContainText("Remove this person and everything recorded about them");
  expect(await withDb((db) => db.beneficiary.count({ where: { id: person.id } }))).toBe(1);
  await remove.getByRole("button", { name: "Yes, remove this person" }).click();
  await expect.poll(() => withDb((db) => db.beneficiary.count({ where: { id: person.id } }))).toBe(0);
  for (const page of [a!, b!, admin]) await page.context().close();
});
