import { describe, expect, it } from "vitest";
import { toMajorText, toMinorUnits } from "@/lib/actions/form-fields";
import { campaignCreateSchema, campaignUpdateSchema } from "./campaign";
import { offlineDonationSchema } from "./offline-gift";
import { postCreateSchema } from "./post";
import { acceptInviteSchema, inviteSchema } from "./user";

const campaign = {
  title: "Two sisters",
  slug: "two-sisters",
  summary: "Short.",
  story: "",
  goal: "500000",
  currency: "JPY",
  deadline: "2027-01-31",
  peopleCount: "2",
};

describe("campaign form", () => {
  it("stores the goal in minor units of the chosen currency", () => {
    expect(campaignCreateSchema.parse(campaign).goalAmount).toBe(500_000n);
    expect(campaignCreateSchema.parse({ ...campaign, goal: "1200.5", currency: "USD" }).goalAmount).toBe(
      120_050n,
    );
  });

  it("accepts amounts as the public donate form does: thousands separators and a currency sign (issue 12, bug 8)", () => {
    for (const goal of ["12,345", "¥12,345", "¥ 12,345", "12345"]) {
      expect(campaignCreateSchema.parse({ ...campaign, goal }).goalAmount, goal).toBe(12_345n);
    }
    expect(campaignCreateSchema.parse({ ...campaign, goal: "$1,200.50", currency: "USD" }).goalAmount).toBe(120_050n);
    expect(campaignCreateSchema.safeParse({ ...campaign, goal: "12 345" }).error?.issues[0]?.message).toBe(
      "Enter the amount as a number, e.g. 5000.",
    );
  });

  it("refuses decimals a zero-decimal currency does not have, at the goal field", () => {
    const result = campaignCreateSchema.safeParse({ ...campaign, goal: "10.5" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["goal"]);
  });

  it("refuses bad slugs and needs a version to update", () => {
    expect(campaignCreateSchema.safeParse({ ...campaign, slug: "Two Sisters!" }).success).toBe(false);
    expect(campaignUpdateSchema.safeParse({ ...campaign, id: "c1" }).success).toBe(false);
    expect(campaignUpdateSchema.safeParse({ ...campaign, id: "c1", version: "3" }).data?.version).toBe(3);
  });
});

describe("money typed in forms", () => {
  it("converts both ways without floating point drift", () => {
    expect(toMinorUnits("0.29", "USD")).toBe(29n);
    expect(toMinorUnits("19.99", "EUR")).toBe(1999n);
    expect(toMinorUnits("5000", "KRW")).toBe(5000n);
    expect(toMinorUnits("1.5", "JPY")).toBeNull();
    expect(toMajorText(120_050n, "USD")).toBe("1200.50");
    expect(toMajorText(500_000n, "JPY")).toBe("500000");
  });
});

describe("article form", () => {
  const post = { title: "T", slug: "t-1", body: "Text", categoryId: "cat" };
  it("turns one checkbox into a list and none into an empty list", () => {
    expect(postCreateSchema.parse({ ...post, campaignIds: "c1" }).campaignIds).toEqual(["c1"]);
    expect(postCreateSchema.parse({ ...post, campaignIds: ["c1", "c2"] }).campaignIds).toEqual(["c1", "c2"]);
    expect(postCreateSchema.parse(post).seeAlsoIds).toEqual([]);
  });
  it("needs a series for a part number", () => {
    const result = postCreateSchema.safeParse({ ...post, seriesPart: "2", seriesId: "" });
    expect(result.error?.issues[0]?.path).toEqual(["seriesPart"]);
  });
});

describe("offline gift form", () => {
  it("accepts bank transfer and cash only", () => {
    const gift = {
      campaignId: "c",
      method: "cash",
      receivedOn: "2026-11-01",
      reference: "R1",
      amount: "100",
    };
    expect(offlineDonationSchema.parse(gift).anonymous).toBe(false);
    expect(offlineDonationSchema.parse({ ...gift, anonymous: "on" }).anonymous).toBe(true);
    expect(offlineDonationSchema.safeParse({ ...gift, method: "card" }).success).toBe(false);
    expect(offlineDonationSchema.parse({ ...gift, amount: "¥12,345" }).amount).toBe("¥12,345");
  });
});

describe("users", () => {
  it("normalises invited e-mails and checks the password twice", () => {
    expect(inviteSchema.parse({ email: " A.K@Example.org ", role: "editor" }).email).toBe("a.k@example.org");
    expect(inviteSchema.safeParse({ email: "x@y.org", role: "owner" }).success).toBe(false);
    const accept = {
      token: "t".repeat(43),
      name: "A. K.",
      password: "long enough password",
      confirm: "long enough password",
    };
    expect(acceptInviteSchema.safeParse(accept).success).toBe(true);
    expect(acceptInviteSchema.safeParse({ ...accept, confirm: "other" }).error?.issues[0]?.path).toEqual([
      "confirm",
    ]);
    expect(acceptInviteSchema.safeParse({ ...accept, password: "short", confirm: "short" }).success).toBe(
      false,
    );
  });
});
