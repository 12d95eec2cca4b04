// Issue 12, bug 4 and its kind: every form on every dashboard page, refused by the server, shows
// exactly what was chosen and typed: each select, radio, checkbox and text field. The walk is
// generic: it changes every control of every form, makes the submission fail, and compares.
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  makeBeneficiary,
  makeCampaign,
  makeCategory,
  makeDonation,
  makePost,
  makeSeries,
} from "../test/support/factories";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

type Expected = { name: string; index: number; kind: "value" | "checked"; want: string | boolean };

/** Every form in the page's main area that posts to an action (the donations filter is a GET form). */
const actionForms = (page: Page) => page.locator("main form:not([method=get])");

async function openEveryDetails(page: Page) {
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** Changes every control of `form`, makes one of them invalid (or the form's target unknown), and returns what each should keep. */
async function changeEverything(form: Locator): Promise<{ expected: Expected[]; broke: string }> {
  const expected: Expected[] = [];
  const seen = new Map<string, number>();
  const next = (name: string) => {
    const index = seen.get(name) ?? 0;
    seen.set(name, index + 1);
    return index;
  };
  let broke = "";
  for (const control of await form.locator("select, input, textarea").all()) {
    const tag = await control.evaluate((el) => el.tagName.toLowerCase());
    const type = (await control.getAttribute("type")) ?? (tag === "textarea" ? "textarea" : "text");
    const name = (await control.getAttribute("name")) ?? "";
    if (!name || name.startsWith("$ACTION") || type === "hidden" || type === "submit") continue;
    const index = next(name);
    if (tag === "select") {
      const current = await control.inputValue();
      const values = await control.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const other = [...values].reverse().find((v) => v !== current);
      if (other !== undefined) await control.selectOption(other);
      expected.push({ name, index, kind: "value", want: other ?? current });
    } else if (type === "checkbox") {
      const was = await control.isChecked();
      await control.setChecked(!was);
      expected.push({ name, index, kind: "checked", want: !was });
    } else if (type === "radio") {
      if (!(await control.isChecked())) await control.check();
      expected.push({ name, index, kind: "checked", want: true });
    } else {
      const typed =
        type === "date"
          ? "2026-10-15"
          : type === "datetime-local"
            ? "2026-12-24T09:30"
            : type === "number"
              ? "7"
              : type === "email"
                ? broke
                  ? "walker@example.org"
                  : "not-an-e-mail"
                : broke
                  ? `walker ${name}`
                  : "walker\u0001text";
      if (!broke && (type === "email" || type === "text" || type === "textarea")) broke = name;
      await control.fill(typed);
      expected.push({ name, index, kind: "value", want: typed });
    }
  }
  if (!broke) {
    // Only choices and hidden fields: point the form at something that does not exist.
    const hidden = form.locator("input[type=hidden]:not([name^='$ACTION'])").first();
    broke = `hidden ${await hidden.getAttribute("name")}`;
    await hidden.evaluate((el) => ((el as HTMLInputElement).value = "no-such-thing"));
  }
  return { expected, broke };
}

/**
 * What kind of form this is: its field names and the first word of its button. A form repeated
 * per row (a role per user, a message per gift) is walked once per page.
 */
function kindOf(form: Locator): Promise<string> {
  return form.evaluate((el) => {
    const names = [...el.querySelectorAll("[name]")]
      .map((c) => c.getAttribute("name") ?? "")
      .filter((n) => !n.startsWith("$ACTION"));
    const button = [...el.querySelectorAll("button[type=submit]")].at(-1)?.textContent ?? "";
    return `${[...new Set(names)].sort().join(",")} ${button.split(" ")[0]}`;
  });
}

async function walk(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await openEveryDetails(page);
  const count = await actionForms(page).count();
  const walked = new Set<string>();
  for (let i = 0; i < count; i++) {
    await openEveryDetails(page);
    const form = actionForms(page).nth(i);
    const kind = await kindOf(form);
    if (walked.has(kind)) continue;
    walked.add(kind);
    const { expected, broke } = await changeEverything(form);
    await form.locator("button[type=submit]").last().click();
    await expect(form.getByRole("alert"), `${path}, form ${i} (made invalid: ${broke})`).toBeVisible();
    for (const e of expected) {
      const control = form.locator(`[name="${e.name}"]`).nth(e.index);
      const where = `${path}, form ${i}, ${e.name}[${e.index}]`;
      if (e.kind === "checked") expect(await control.isChecked(), where).toBe(e.want);
      else expect(await control.inputValue(), where).toBe(e.want);
    }
  }
  return walked.size;
}

test("every dashboard form keeps every select, radio, checkbox and text after an error", async ({ page }) => {
  test.setTimeout(300_000);
  const data = await withDb(async (db) => {
    const campaign = await makeCampaign(db, { stage: "funded" });
    await makeCampaign(db);
    await makeBeneficiary(db, campaign);
    const category = await makeCategory(db);
    await makeCategory(db);
    await makeSeries(db);
    const post = await makePost(db, { categoryId: category.id, status: "draft", publishedAt: null });
    await makePost(db, { categoryId: category.id });
    await makeDonation(db, campaign, { message: "Walker message", stripePaymentIntentId: `pi_walker_${Date.now()}` });
    const gift = await makeDonation(db, campaign, { method: "cash", offlineReference: `W-${Date.now()}` });
    return { campaign: campaign.id, post: post.id, gift: gift.id };
  });
  await signIn(page, await createUser("admin"));
  const pages: [string, number][] = [
    ["/dashboard/campaigns/new", 1],
    [`/dashboard/campaigns/${data.campaign}`, 7],
    ["/dashboard/articles/new", 1],
    [`/dashboard/articles/${data.post}`, 2],
    ["/dashboard/articles/taxonomy", 3],
    [`/dashboard/donations?campaign=${data.campaign}`, 3],
    [`/dashboard/donations/${data.gift}`, 2],
    ["/dashboard/users", 3],
  ];
  for (const [path, atLeast] of pages) {
    expect(await walk(page, path), `forms walked on ${path}`).toBeGreaterThanOrEqual(atLeast);
  }
});
