import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

/** RFC 4180 parsing, enough for csv-stringify's output (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== "\r") field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

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
  await expect(form.locator("#amount-error")).toHaveText("Enter a positive amount in JPY, at most ¥999,999,999,999,999.");
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
      select: { id: true, amount: true, message: true },
    }),
  );
  expect(expected).toHaveLength(2);

  await signIn(page, await createUser("admin"));
  await page.goto(`/dashboard/donations?campaign=${a!.id}&status=succeeded&from=2026-10-01&to=2026-10-10`);
  await expect(page.getByTestId("donation-row")).toHaveCount(2);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  const rows = parseCsv(await readFile(await download.path(), "utf8"));
  const [header, ...data] = rows;
  const col = (name: string) => header!.indexOf(name);
  expect(data.map((r) => r[col("id")])).toEqual(expected.map((d) => d.id));
  expect(data.map((r) => BigInt(r[col("amount")] ?? ""))).toEqual(expected.map((d) => d.amount));
  expect(data.map((r) => r[col("message")])).toEqual(expected.map((d) => d.message ?? ""));
});
