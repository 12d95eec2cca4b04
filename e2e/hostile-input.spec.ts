// Hostile input through the real forms: refused with a message at the field (what was typed is
// kept, nothing is written), or stored as plain text and shown inert on public and dashboard
// pages. Oversized bodies and odd URLs get a 4xx, never a crash.
import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CONTROL, hostileText, SQL, XSS } from "../test/support/hostile-input";
import { HOSTILE_MARKDOWN } from "../test/support/hostile-markdown";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";
import { makeCampaign } from "../test/support/factories";
import { flushPublicCache } from "./fixtures/public-cache";

test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` } });

function failOnDialog(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

/** No element under `root` carries an event handler, and no script was injected there. */
async function expectInert(root: Locator): Promise<void> {
  await root.page().waitForLoadState("load");
  expect(await root.locator("script, iframe, object, embed").count()).toBe(0);
  const handlers = await root.evaluate((el) =>
    [el, ...el.querySelectorAll("*")].flatMap((node) =>
      [...node.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
        // React's own placeholder on server-action forms, there so a form never posts before hydration.
        .filter(
          (a) => !(a.name === "action" && a.value.startsWith("javascript:throw new Error('A React form")),
        )
        .map((a) => `${node.tagName} ${a.name}`),
    ),
  );
  expect(handlers).toEqual([]);
}

const seedCampaign = (suffix: string) =>
  withDb((db) => makeCampaign(db, { slug: `hostile-in-${suffix}`, title: `Hostile input ${suffix}`, goalAmount: 500_000n }));

test("the donate form refuses what it must, keeps what was typed, and shows the rest as plain text", async ({
  page,
}) => {
  const dialogs = failOnDialog(page);
  const suffix = randomBytes(4).toString("hex");
  const campaign = await seedCampaign(suffix);
  const donations = () => withDb((db) => db.donation.findMany({ where: { campaignId: campaign.id } }));

  await page.goto(`/campaigns/${campaign.slug}/donate`);
  // A script, not a browser: no maxlength stops it.
  await page
    .locator("input, textarea")
    .evaluateAll((els) => els.forEach((el) => el.removeAttribute("maxlength")));
  await page.getByRole("radio", { name: "Other amount" }).check();
  const tooLong = `${"x".repeat(600)} ${XSS[0]}`;
  await page.getByLabel(/Your amount \(JPY\)/).fill(SQL[0]);
  await page.locator("[name=displayName]").fill(`K. ${CONTROL}`);
  await page.locator("[name=message]").fill(tooLong);
  await page.locator("[name=email]").evaluate((el) => el.setAttribute("type", "text"));
  await page.locator("[name=email]").fill(`a@b.c${SQL[1]}`);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.locator("#customAmount-error")).toContainText("Enter the amount as a number");
  await expect(page.locator("#displayName-error")).toHaveText("Remove the invisible control characters.");
  await expect(page.locator("#message-error")).toHaveText("Your message can be at most 500 characters.");
  await expect(page.locator("#email-error")).toContainText("Enter a valid e-mail address");
  await expect(page.getByLabel(/Your amount \(JPY\)/)).toHaveValue(SQL[0]);
  await expect(page.locator("[name=message]")).toHaveValue(tooLong);
  expect(await donations()).toEqual([]);

  // Within the limits, the same payloads are a name and a message like any other.
  const displayName = hostileText("N.", 60);
  const message = hostileText(`M-${suffix}`, 500);
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await page.getByRole("radio", { name: "Other amount" }).check();
  await page.getByLabel(/Your amount \(JPY\)/).fill("5000");
  await page.locator("[name=displayName]").fill(displayName);
  await page.locator("[name=message]").fill(message);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).not.toHaveURL(/\/donate/);
  const [stored] = await donations();
  expect(stored?.displayName).toContain("<img src=x onerror=alert('img')>".slice(0, 20));
  expect(stored?.message).toContain(XSS[0]);
  expect(stored?.message).toContain(SQL[0]);

  // Paid: the public page and the dashboard show it as text.
  await withDb((db) => db.donation.update({ where: { id: stored!.id }, data: { status: "succeeded" } }));
  await flushPublicCache();
  await page.goto(`/campaigns/${campaign.slug}`);
  const wall = page.getByTestId("donor-messages");
  await expect(wall).toContainText(XSS[0]);
  await expectInert(wall);
  await expectInert(page.locator("main"));

  const coordinator = await createUser("coordinator");
  await signIn(page, coordinator);
  await page.goto("/dashboard/donations");
  await expect(page.getByText(`M-${suffix}`).first()).toBeVisible();
  await expectInert(page.locator("main"));
  expect(dialogs).toEqual([]);
});

test("dashboard forms: control characters and overflowing amounts are refused at the field; payloads stay text", async ({
  page,
}) => {
  const dialogs = failOnDialog(page);
  const suffix = randomBytes(4).toString("hex");
  await withDb((db) =>
    db.category.create({ data: { slug: `hostile-${suffix}`, name: `Hostile ${suffix}` } }),
  );
  const coordinator = await createUser("coordinator");
  await signIn(page, coordinator);

  // Campaign: refused first (control characters, a goal beyond what a column holds), then saved.
  const slug = `hostile-form-${suffix}`;
  const title = hostileText(`T-${suffix}`, 140);
  await page.goto("/dashboard/campaigns/new");
  await page.getByLabel("Title").fill(`${title.slice(0, 100)}${CONTROL}`);
  await page.getByLabel("Address (slug)").fill(slug);
  await page.getByLabel("Summary").fill(hostileText("S", 300));
  await page.getByLabel("Story (Markdown)").fill(HOSTILE_MARKDOWN);
  await page.getByLabel("Goal").fill("9999999999999999");
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("People helped").fill("2");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.locator("#title-error")).toHaveText("Remove the invisible control characters.");
  await expect(page.getByLabel("Title")).toHaveValue(`${title.slice(0, 100)}${CONTROL}`);
  expect(await withDb((db) => db.campaign.count({ where: { slug } }))).toBe(0);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.locator("#goal-error")).toContainText("at most ¥999,999,999,999,999");
  await expect(page.getByLabel("Goal")).toHaveValue("9999999999999999");
  expect(await withDb((db) => db.campaign.count({ where: { slug } }))).toBe(0);
  await page.getByLabel("Goal").fill("500000");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: title.trim() })).toBeVisible();
  const campaign = await withDb((db) => db.campaign.findUniqueOrThrow({ where: { slug } }));
  expect(campaign.title).toContain(XSS[1]);

  // A person the mission protects: NUL in a private field is refused, nothing is written.
  await page.getByText("Add a person").click();
  const addPerson = page.locator("form").filter({ has: page.getByRole("button", { name: "Add person" }) });
  await addPerson.getByLabel("Public label").fill(hostileText("P", 200));
  await addPerson.getByLabel("Name (private)").fill(`R. ${CONTROL}`);
  await addPerson.getByRole("button", { name: "Add person" }).click();
  await expect(addPerson.locator("#privateName-error")).toHaveText(
    "Remove the invisible control characters.",
  );
  await expect(addPerson.getByLabel("Name (private)")).toHaveValue(`R. ${CONTROL}`);
  expect(await withDb((db) => db.beneficiary.count({ where: { campaignId: campaign.id } }))).toBe(0);
  await addPerson.getByLabel("Name (private)").fill(hostileText("R.", 200));
  await addPerson.getByRole("button", { name: "Add person" }).click();
  await expect
    .poll(() => withDb((db) => db.beneficiary.count({ where: { campaignId: campaign.id } })))
    .toBe(1);
  await expectInert(page.locator("main"));

  // An offline gift beyond what the database stores is refused at the field.
  await page.goto("/dashboard/donations");
  const gift = page.locator("form").filter({ has: page.getByRole("button", { name: "Record gift" }) });
  await gift.getByLabel("Campaign").selectOption(campaign.id);
  await gift.getByLabel("Amount").fill("9999999999999999");
  await gift.getByLabel("Reference").fill(hostileText("REF", 120));
  await gift.getByLabel("Public name (optional)").fill(hostileText("G.", 80));
  await gift.getByLabel("Public message (optional)").fill(hostileText(`O-${suffix}`, 1000));
  await gift.getByRole("button", { name: "Record gift" }).click();
  await expect(gift.locator("#amount-error")).toContainText("at most ¥999,999,999,999,999");
  await expect(gift.getByLabel("Amount")).toHaveValue("9999999999999999");
  expect(await withDb((db) => db.donation.count({ where: { campaignId: campaign.id } }))).toBe(0);
  await gift.getByLabel("Amount").fill("3000");
  await gift.getByRole("button", { name: "Record gift" }).click();
  await expect.poll(() => withDb((db) => db.donation.count({ where: { campaignId: campaign.id } }))).toBe(1);
  await expectInert(page.locator("main"));

  // An article with every payload in its title and body.
  await page.goto("/dashboard/articles/new");
  const postTitle = hostileText(`A-${suffix}`, 200);
  await page.getByLabel("Title").fill(postTitle);
  await page.getByLabel("Address (slug)").fill(`hostile-post-${suffix}`);
  await page.getByLabel("Body (Markdown)").fill(HOSTILE_MARKDOWN);
  await page.getByLabel("Category").selectOption({ label: `Hostile ${suffix}` });
  await page.getByRole("button", { name: "Create article" }).click();
  await expect
    .poll(() => withDb((db) => db.post.count({ where: { slug: `hostile-post-${suffix}` } })))
    .toBe(1);

  // Published, everything renders as text on the public pages.
  await withDb(async (db) => {
    await db.campaign.update({
      where: { id: campaign.id },
      data: { status: "published", publishedAt: new Date() },
    });
    await db.post.update({
      where: { slug: `hostile-post-${suffix}` },
      data: { status: "published", publishedAt: new Date(Date.now() - 60_000) },
    });
  });
  await flushPublicCache();
  for (const path of [`/campaigns/${slug}`, `/news/hostile-post-${suffix}`, "/campaigns", "/news", "/"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expectInert(page.locator("main"));
  }
  await expect(page.locator("main")).toContainText(`T-${suffix}`);
  expect(dialogs).toEqual([]);
});

test("huge bodies and odd URLs get a 4xx, and the app keeps answering", async ({ page, request }) => {
  const suffix = randomBytes(4).toString("hex");
  const campaign = await seedCampaign(suffix);
  const huge = "x".repeat(12 * 1024 * 1024);

  const webhook = await request.post("/api/stripe/webhook", {
    headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
    data: JSON.stringify({ padding: huge }),
  });
  expect(webhook.status()).toBe(413);
  // A prefetch header is no way around the limit.
  const prefetched = await request.post(`/campaigns/${campaign.slug}/donate`, {
    headers: { "next-router-prefetch": "1", "content-type": "text/plain" },
    data: huge,
  });
  expect(prefetched.status()).toBe(413);

  // The donate server action, called with its real action id and a 12 MB form field.
  let action: Record<string, string> = {};
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await page.route(`**/campaigns/${campaign.slug}/donate`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    action = await route.request().allHeaders();
    await route.abort();
  });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect.poll(() => action["next-action"] ?? "").not.toBe("");
  const tooBig = await request.post(`/campaigns/${campaign.slug}/donate`, {
    headers: { "next-action": action["next-action"]!, accept: "text/x-component" },
    multipart: { message: huge, amount: "3000", frequency: "once" },
  });
  expect(tooBig.status(), await tooBig.text().then((t) => t.slice(0, 200))).toBeGreaterThanOrEqual(400);
  expect(tooBig.status()).toBeLessThan(500);
  expect(await withDb((db) => db.donation.count({ where: { campaignId: campaign.id } }))).toBe(0);

  // NUL and other odd bytes in paths and query strings reach database look-ups as text.
  for (const path of [
    "/campaigns/%00",
    "/campaigns/a%00b/donate",
    "/news/%00",
    "/news/category/%00",
    "/news/series/%00",
    "/receipts/%00",
    `/campaigns/${campaign.slug}/thank-you?session_id=%00`,
    "/demo-checkout/%00",
    "/news?page=%00",
    "/campaigns?stage=%00",
    "/campaigns/%ED%A0%80",
    `/campaigns/${"a".repeat(5000)}`,
  ]) {
    for (const headers of [{}, { RSC: "1", "next-router-prefetch": "1" }] as Record<string, string>[]) {
      const response = await request.get(path, { headers });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBeLessThan(500);
    }
  }
  expect((await request.get("/api/health")).status()).toBe(200);
});
