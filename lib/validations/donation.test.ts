import { describe, expect, it } from "vitest";
import { parseDonationForm } from "./donation";

const base = { frequency: "once" };

function parse(currency: string, form: Record<string, string>) {
  const result = parseDonationForm(currency, form);
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const, errors: result.fieldErrors };
}

describe("donationSchema", () => {
  it("accepts a suggested ¥5,000-style amount as minor units", () => {
    expect(parse("JPY", { ...base, amount: "10000" })).toMatchObject({ ok: true, data: { gift: 10000n, charged: 10000n } });
  });

  it("parses a custom amount exactly and grosses it up when the donor covers the fees", () => {
    expect(parse("JPY", { ...base, amount: "custom", customAmount: "5,000" })).toMatchObject({
      ok: true,
      data: { gift: 5000n, charged: 5000n, frequency: "once" },
    });
    expect(parse("JPY", { ...base, amount: "custom", customAmount: "5,000", coverFees: "on" })).toMatchObject({
      ok: true,
      data: { gift: 5000n, charged: 5187n },
    });
    expect(parse("USD", { ...base, amount: "custom", customAmount: "19.99" })).toMatchObject({ ok: true, data: { gift: 1999n } });
  });

  it("explains what is wrong with the amount, next to the field that holds it", () => {
    expect(parse("USD", { ...base, amount: "custom", customAmount: "19.999" })).toEqual({
      ok: false,
      errors: { customAmount: "Use at most 2 decimals." },
    });
    expect(parse("JPY", { ...base, amount: "custom", customAmount: "" })).toEqual({
      ok: false,
      errors: { customAmount: "Choose or enter an amount." },
    });
    expect(parse("JPY", { ...base, amount: "custom", customAmount: "50" })).toEqual({
      ok: false,
      errors: { customAmount: "Enter an amount between ¥100 and ¥5,000,000." },
    });
    expect(parse("JPY", { ...base, amount: "abc" })).toEqual({ ok: false, errors: { amount: "Choose an amount." } });
  });

  it("requires a frequency and limits the public texts", () => {
    expect(parse("JPY", { amount: "3000" })).toMatchObject({ ok: false, errors: { frequency: expect.stringMatching(/once or every month/) } });
    const long = parse("JPY", { ...base, amount: "3000", displayName: "x".repeat(61), message: "y".repeat(501) });
    expect(long).toEqual({
      ok: false,
      errors: {
        displayName: "Your public name can be at most 60 characters.",
        message: "Your message can be at most 500 characters.",
      },
    });
  });

  it("drops the public name of an anonymous gift and normalises empty fields", () => {
    expect(
      parse("JPY", { ...base, amount: "3000", anonymous: "on", displayName: "K. T.", message: "  ", email: " A@Example.org " }),
    ).toMatchObject({ ok: true, data: { anonymous: true, displayName: null, message: null, donorEmail: "a@example.org" } });
  });

  it("reports the amount and the other fields together", () => {
    expect(parse("JPY", { amount: "custom", customAmount: "19.5", email: "x" })).toEqual({
      ok: false,
      errors: {
        customAmount: "JPY amounts have no decimals.",
        frequency: "Choose whether to give once or every month.",
        email: "Enter a valid e-mail address, or leave it empty.",
      },
    });
  });

  it("refuses a malformed e-mail", () => {
    expect(parse("JPY", { ...base, amount: "3000", email: "not-an-email" })).toEqual({
      ok: false,
      errors: { email: "Enter a valid e-mail address, or leave it empty." },
    });
  });
});
