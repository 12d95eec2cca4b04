import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";
import { formatMajorPlain } from "../lib/money";
import { makeCampaign, makeDonation } from "../test/support/factories";
import { parseCsv } from "../test/support/csv";

const token = () => randomBytes(24).toString("base64url");

test("an offline gift counts in the campaign's total, in the database and on the dashboard", async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  const campaign = await withDb((db) =>
    db.campaign.create({
      data: {
        slug: `offline-${suffix}`,
        title: `Offline ${suffix}`,
        summary: "x",
        goalAmount: 100_000n,
        currency: "JPY",
        status: "published",
      },
      select: { id: true },
    }),
  );
  const coordinator = await createUser("coordinator");
  await signIn(page, coordinator);
  await page.goto("/dashboard/donations");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Record gift" }) });
  await form.getByLabel("Campaign").selectOption(campaign.id);
  await form.getByLabel("Method").selectOption("cash");
  await form.getByLabel("Received on").fill("2026-11-20");
  await form.getByLabel("Amount").fill("12000");
  await form.getByLabel("Reference").fill(`R-${suffix}`);
  await form.getByLabel("Public name (optional)").fill("Friends of the choir");
  await form.getByRole("button", { name: "Record gift" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Offline gift recorded." })).toBeVisible();

  const saved = await withDb((db) =>
    db.campaign.findUniqueOrThrow({
      where: { id: campaign.id },
      select: {
        raisedAmount: true,
        donorCount: true,
        donations: {
          select: {
            amount: true,
            currency: true,
            method: true,
            status: true,
            recordedById: true,
            offlineReference: true,
          },
        },
      },
    }),
  );
  expect(saved).toEqual({
    raisedAmount: 12_000n,
    donorCount: 1,
    donations: [
      {
        amount: 12_000n,
        currency: "JPY",
        method: "cash",
        status: "succeeded",
        recordedById: coordinator.id,
        offlineReference: `R-${suffix}`,
      },
    ],
  });
  await page.goto("/dashboard/campaigns");
  await expect(page.getByRole("listitem").filter({ hasText: `Offline ${suffix}` })).toContainText(
    "¥12,000 of ¥100,000",
  );
  // The public campaign page counts it too.
  await page.goto(`/campaigns/offline-${suffix}`);
  await expect(page.getByTestId("raised")).toHaveText("¥12,000");
  await expect(page.getByTestId("donors")).toHaveText("1");

  // A typed amount with decimals is refused for a zero-decimal currency, and the input is kept.
  await page.goto("/dashboard/donations");
  await form.getByLabel("Campaign").selectOption(campaign.id);
  await form.getByLabel("Amount").fill("10.50");
  await form.getByLabel("Reference").fill("R-bad");
  await form.getByRole("button", { name: "Record gift" }).click();
  await expect(form.locator("#amount-error")).toHaveText("JPY amounts have no decimals.");
  await expect(form.getByLabel("Amount")).toHaveValue("10.50");
  const count = await withDb((db) => db.donation.count({ where: { campaignId: campaign.id } }));
  expect(count).toBe(1);
});

test("the CSV export holds exactly the filtered rows", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const [a, b] = await withDb((db) =>
    Promise.all(
      ["a", "b"].map((x) =>
        db.campaign.create({
          data: {
            slug: `csv-${x}-${suffix}`,
            title: `CSV ${x} ${suffix}`,
            summary: "x",
            goalAmount: 1000n,
            currency: "USD",
          },
          select: { id: true },
        }),
      ),
    ),
  );
  const day = (d: number) => new Date(Date.UTC(2026, 9, d, 12));
  await withDb((db) =>
    db.donation.createMany({
      data: [
        {
          campaignId: a!.id,
          amount: 1000,
          currency: "USD",
          status: "succeeded",
          receivedAt: day(1),
          receiptToken: token(),
          message: 'He said "go", then left,\nquietly',
        },
        {
          campaignId: a!.id,
          amount: 2000,
          currency: "USD",
          status: "succeeded",
          receivedAt: day(5),
          receiptToken: token(),
          // What a donor may type as a name: it must reach the spreadsheet as text.
          donorName: '=HYPERLINK("http://evil.example","click")',
          displayName: "@SUM(A1)",
          anonymous: true,
        },
        {
          campaignId: a!.id,
          amount: 3000,
          currency: "USD",
          status: "failed",
          receivedAt: day(5),
          receiptToken: token(),
        },
        {
          campaignId: a!.id,
          amount: 4000,
          currency: "USD",
          status: "succeeded",
          receivedAt: day(20),
          receiptToken: token(),
        },
        {
          campaignId: b!.id,
          amount: 5000,
          currency: "USD",
          status: "succeeded",
          receivedAt: day(5),
          receiptToken: token(),
        },
      ],
    }),
  );
  const expected = await withDb((db) =>
    db.donation.findMany({
      where: {
        campaignId: a!.id,
        status: "succeeded",
        receivedAt: { gte: day(1), lt: new Date(Date.UTC(2026, 9, 11)) },
      },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      select: { id: true, amount: true, message: true, donorName: true, anonymous: true },
    }),
  );
  expect(expected).toHaveLength(2);

  await signIn(page, await createUser("admin"));
  await page.goto(`/dashboard/donations?campaign=${a!.id}&status=succeeded&from=2026-10-01&to=2026-10-10`);
  await expect(page.getByTestId("donation-row")).toHaveCount(2);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  const bytes = await readFile(await download.path());
  // A UTF-8 byte order mark first, so Excel reads Japanese names right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.subarray(3).toString("utf8"));
  const [header, ...data] = rows;
  const col = (name: string) => header!.indexOf(name);
  expect(data.map((r) => r[col("id")])).toEqual(expected.map((d) => d.id));
  // Major units beside the currency: $20.00, not 2000.
  expect(data.map((r) => r[col("amount")])).toEqual(expected.map((d) => formatMajorPlain(d.amount, "USD")));
  expect(data.map((r) => r[col("currency")])).toEqual(["USD", "USD"]);
  expect(data.map((r) => r[col("message")])).toEqual(expected.map((d) => d.message ?? ""));
  expect(data.map((r) => r[col("anonymous")])).toEqual(expected.map((d) => (d.anonymous ? "yes" : "no")));
  // Formula injection (issue 12, bug 5): the donor's "formula" is text behind an apostrophe.
  const attacker = data.find((r) => r[col("displayName")] === "'@SUM(A1)");
  expect(attacker?.[col("donorName")]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  for (const row of data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});

test("an offline gift keeps its campaign and method after an error, asks before a reused reference, and can be corrected and voided (bug 4)", async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  // Two campaigns, so "the first one" is not the right one.
  const [right, wrong] = await withDb((db) =>
    Promise.all(["right", "wrong"].map((x) => makeCampaign(db, { title: `Gift ${x} ${suffix}`, goalAmount: 100_000n }))),
  );
  await signIn(page, await createUser("coordinator"));
  await page.goto("/dashboard/donations");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Record gift" }) });
  await form.getByLabel("Campaign").selectOption(right!.id);
  await form.getByLabel("Method").selectOption("cash");
  await form.getByLabel("Show as anonymous").check();
  await form.getByLabel("Amount").fill("12.5");
  await form.getByLabel("Reference").fill(`R-${suffix}`);
  await form.getByRole("button", { name: "Record gift" }).click();
  await expect(form.locator("#amount-error")).toHaveText("JPY amounts have no decimals.");
  await expect(form.getByLabel("Campaign")).toHaveValue(right!.id);
  await expect(form.getByLabel("Method")).toHaveValue("cash");
  await expect(form.getByLabel("Show as anonymous")).toBeChecked();

  // What the public donate form accepts: a currency sign and thousands separators (bug 8).
  await form.getByLabel("Amount").fill("¥12,000");
  await form.getByRole("button", { name: "Record gift" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Offline gift recorded." })).toBeVisible();

  // The same reference again: the form asks before recording the same money twice.
  await form.getByLabel("Campaign").selectOption(right!.id);
  await form.getByLabel("Amount").fill("3,000");
  await form.getByLabel("Reference").fill(`r-${suffix}`);
  await form.getByRole("button", { name: "Record gift" }).click();
  await expect(form.getByRole("alert")).toContainText(`The reference “r-${suffix}” is already on a gift of ¥12,000 to “Gift right ${suffix}”`);
  expect(await withDb((db) => db.donation.count({ where: { campaignId: right!.id } }))).toBe(1);
  await form.getByRole("button", { name: "Yes, record it as well" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Offline gift recorded." })).toBeVisible();
  const totals = (id: string) =>
    withDb((db) => db.campaign.findUniqueOrThrow({ where: { id }, select: { raisedAmount: true } }));
  expect(await totals(right!.id)).toEqual({ raisedAmount: 15_000n });

  // The ¥3,000 belonged to the other campaign: corrected, both totals follow.
  const second = await withDb((db) =>
    db.donation.findFirstOrThrow({ where: { campaignId: right!.id, amount: 3_000n }, select: { id: true } }),
  );
  await page.goto(`/dashboard/donations?campaign=${right!.id}`);
  const row = page.getByTestId("donation-row").filter({ hasText: "¥3,000" });
  await row.getByRole("link", { name: "Edit or void" }).click();
  await expect(page.getByRole("heading", { name: "Offline gift" })).toBeVisible();
  const edit = page.locator("form").filter({ has: page.getByRole("button", { name: "Save gift" }) });
  await expect(edit.getByLabel("Amount")).toHaveValue("3000");
  await edit.getByLabel("Campaign").selectOption(wrong!.id);
  await edit.getByRole("button", { name: "Save gift" }).click();
  await expect(edit.getByRole("status").filter({ hasText: "Gift saved." })).toBeVisible();
  expect(await totals(right!.id)).toEqual({ raisedAmount: 12_000n });
  expect(await totals(wrong!.id)).toEqual({ raisedAmount: 3_000n });

  // Voided: still listed for staff, out of the totals, audited with the reason.
  const voidForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Void gift" }) });
  await voidForm.getByLabel("Reason").fill("Entered twice by mistake");
  await voidForm.getByRole("button", { name: "Void gift" }).click();
  await voidForm.getByRole("button", { name: "Yes, void this gift" }).click();
  await expect(page.getByTestId("gift-voided")).toBeVisible();
  expect(await totals(wrong!.id)).toEqual({ raisedAmount: 0n });
  await page.goto(`/dashboard/donations?campaign=${wrong!.id}`);
  await expect(page.getByTestId("donation-row").filter({ hasText: "voided" })).toHaveCount(1);
  const audit = await withDb((db) =>
    db.auditLog.findMany({ where: { entityId: second.id }, orderBy: { id: "asc" }, select: { action: true, changes: true } }),
  );
  expect(audit.map((a) => a.action)).toEqual(["donation.offline", "donation.offline_update", "donation.void"]);
  expect(audit[1]!.changes).toMatchObject({ campaignId: { before: right!.id, after: wrong!.id } });
  expect(audit[2]!.changes).toMatchObject({ reason: { after: "Entered twice by mistake" } });
});

test("the donations table is readable at 1280 px: filters side by side without overlap, columns apart", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const suffix = Date.now().toString(36);
  const campaign = await withDb((db) =>
    makeCampaign(db, { title: `Lengthy appeal ${suffix} ${"ABCDEFGHIJ".repeat(6)}` }),
  );
  await withDb((db) => makeDonation(db, campaign, { donorName: "A. Very-Long-Name", message: "A message", amount: 1_234_567n }));
  await signIn(page, await createUser("coordinator"));
  await page.goto(`/dashboard/donations?campaign=${campaign.id}`);
  const filters = page.getByRole("form", { name: "Filter donations" });
  const boxes = [];
  for (const control of await filters.locator("select, input, button, a").all()) boxes.push((await control.boundingBox())!);
  for (let i = 0; i < boxes.length; i++) {
    expect(boxes[i]!.x + boxes[i]!.width, `control ${i} inside the page`).toBeLessThanOrEqual(1280);
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `filter controls ${i} and ${j} do not overlap`).toBe(true);
    }
  }
  // Every column has room: the text of neighbouring cells keeps at least 16 px apart.
  const row = page.getByTestId("donation-row").first();
  const cells = await row.locator("td").evaluateAll((tds) =>
    tds.map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const text = range.getBoundingClientRect();
      return { left: text.left, right: text.right, empty: text.width === 0 };
    }),
  );
  const filled = cells.filter((c) => !c.empty);
  for (let i = 1; i < filled.length; i++) {
    expect(filled[i]!.left - filled[i - 1]!.right, `gap before column ${i}`).toBeGreaterThanOrEqual(16);
  }
  const table = await page.getByTestId("donations-table").boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(1280);
});

test("hostile ?after= cursors on the donations list give the first page, never a 500 (issue 20, item 8)", async ({ page }) => {
  const campaign = await withDb((db) => makeCampaign(db));
  await withDb((db) => makeDonation(db, campaign));
  await signIn(page, await createUser("coordinator"));
  const cursor = (text: string) => Buffer.from(text).toString("base64url");
  for (const after of [
    cursor("2026-11-20T00:00:00.000Z|abc\u0000def"),
    cursor("-271821-04-20T00:00:00.000Z|cmabc123"),
    cursor("+275760-09-13T00:00:00.000Z|cmabc123"),
    "%00",
  ]) {
    const response = await page.goto(`/dashboard/donations?campaign=${campaign.id}&after=${encodeURIComponent(after)}`);
    expect(response?.status(), after).toBe(200);
    await expect(page.getByTestId("donation-row")).toHaveCount(1);
  }
});
