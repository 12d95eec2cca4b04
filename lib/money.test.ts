import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountLimits,
  FEE_RULES,
  feeFor,
  formatMajorPlain,
  formatMoney,
  grossUp,
  parseMajorAmount,
  SUPPORTED_CURRENCIES,
  suggestedAmounts,
} from "./money";

describe("parseMajorAmount", () => {
  it.each([
    ["19.99", "USD", 1999],
    ["19.9", "USD", 1990],
    ["19", "USD", 1900],
    ["0.10", "USD", 10],
    ["1,234.56", "USD", 123456],
    ["$25", "USD", 2500],
    ["5,000", "JPY", 5000],
    ["¥5,000", "JPY", 5000],
    [" 5000 ", "JPY", 5000],
    ["5000.", "JPY", 5000],
    ["5000.00", "JPY", 5000],
    ["30,000", "KRW", 30000],
    ["0.07", "EUR", 7],
  ])("%s %s → %i", (input, currency, minor) => {
    expect(parseMajorAmount(input, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ["19.999", "USD", /at most 2 decimals/],
    ["5000.5", "JPY", /no decimals/],
    ["", "USD", /Enter an amount/],
    ["abc", "USD", /as a number/],
    ["-5", "USD", /as a number/],
    ["1e3", "USD", /as a number/],
    ["5,00", "JPY", /as a number/],
    ["12,34.5", "USD", /as a number/],
    ["1,000,000,000", "JPY", /too large/],
    ["999999999999", "USD", /too large/],
  ])("refuses %j in %s", (input, currency, message) => {
    const result = parseMajorAmount(input, currency);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("charges and shows ¥5,000 as ¥5,000", () => {
    const parsed = parseMajorAmount("5,000", "JPY");
    expect(parsed).toEqual({ ok: true, minor: 5000 });
    expect(formatMoney(5000, "JPY")).toBe("¥5,000");
  });

  it("round-trips every amount through formatMajorPlain (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(...SUPPORTED_CURRENCIES), (minor, currency) => {
        expect(parseMajorAmount(formatMajorPlain(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it("round-trips the displayed amount too (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom("USD", "JPY", "EUR", "GBP"), (minor, currency) => {
        expect(parseMajorAmount(formatMoney(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });
});

describe("suggested amounts and limits", () => {
  it("offers yen and dollar amounts donors recognise", () => {
    expect(suggestedAmounts("JPY")).toEqual([3000, 10000, 30000]);
    expect(suggestedAmounts("usd")).toEqual([2500, 5000, 10000]);
    expect(suggestedAmounts("EUR")).toEqual([2500, 5000, 10000]);
  });

  it("keeps every suggestion within the currency's limits", () => {
    for (const currency of SUPPORTED_CURRENCIES) {
      const { min, max } = amountLimits(currency);
      expect(min).toBeLessThan(max);
      for (const amount of suggestedAmounts(currency)) {
        expect(amount).toBeGreaterThanOrEqual(min);
        expect(amount).toBeLessThanOrEqual(max);
      }
    }
  });

  it("refuses unknown currencies", () => {
    expect(() => suggestedAmounts("XYZ")).toThrow(/Unsupported/);
  });
});

describe("grossUp", () => {
  it("computes ceil((amount + fixed) / (1 − rate))", () => {
    expect(grossUp(5000, { rate: 0.036, fixed: 0 })).toBe(5187); // 5000 / 0.964 = 5186.72…
    expect(grossUp(2500, { rate: 0.029, fixed: 30 })).toBe(2606); // 2530 / 0.971 = 2605.56…
    expect(grossUp(1000, { rate: 0, fixed: 0 })).toBe(1000);
    expect(grossUp(9700, { rate: 0.03, fixed: 0 })).toBe(10000); // exact: no rounding up
  });

  it("refuses a rate of 100 % or more", () => {
    expect(() => grossUp(100, { rate: 1, fixed: 0 })).toThrow();
  });

  it("never charges less than the gift, and the NGO nets at least the gift (property)", () => {
    const rule = fc.record({
      rate: fc.integer({ min: 0, max: 200_000 }).map((m) => m / 1_000_000),
      fixed: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), rule, (amount, feeRule) => {
        const gross = grossUp(amount, feeRule);
        expect(gross).toBeGreaterThanOrEqual(amount);
        expect(gross - feeFor(gross, feeRule)).toBeGreaterThanOrEqual(amount);
        // …and it is the smallest such charge.
        if (gross > amount) expect(gross - 1 - feeFor(gross - 1, feeRule)).toBeLessThan(amount);
      }),
    );
  });

  it("has a fee rule for every supported currency", () => {
    for (const currency of SUPPORTED_CURRENCIES) expect(FEE_RULES[currency].rate).toBeLessThan(1);
  });
});
