import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountLimits,
  FEE_RULES,
  feeFor,
  formatMajorPlain,
  formatMoney,
  grossUp,
  MAX_STORED_MINOR,
  parseMajorAmount,
  progressPercent,
  SUPPORTED_CURRENCIES,
  suggestedAmounts,
} from "./money";

describe("parseMajorAmount", () => {
  it.each([
    ["19.99", "USD", 1999n],
    ["19.9", "USD", 1990n],
    ["19", "USD", 1900n],
    ["0.10", "USD", 10n],
    ["1,234.56", "USD", 123456n],
    ["$25", "USD", 2500n],
    ["5,000", "JPY", 5000n],
    ["¥5,000", "JPY", 5000n],
    [" 5000 ", "JPY", 5000n],
    ["5000.", "JPY", 5000n],
    ["5000.00", "JPY", 5000n],
    ["30,000", "KRW", 30000n],
    ["0.07", "EUR", 7n],
  ])("%s %s → %s", (input, currency, minor) => {
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
    expect(parsed).toEqual({ ok: true, minor: 5000n });
    expect(formatMoney(5000n, "JPY")).toBe("¥5,000");
  });

  it("round-trips every amount through formatMajorPlain (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999n }), fc.constantFrom(...SUPPORTED_CURRENCIES), (minor, currency) => {
        expect(parseMajorAmount(formatMajorPlain(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it("round-trips the displayed amount too (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999n }), fc.constantFrom("USD", "JPY", "EUR", "GBP"), (minor, currency) => {
        expect(parseMajorAmount(formatMoney(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });
});

describe("suggested amounts and limits", () => {
  it("offers yen and dollar amounts donors recognise", () => {
    expect(suggestedAmounts("JPY")).toEqual([3000n, 10000n, 30000n]);
    expect(suggestedAmounts("usd")).toEqual([2500n, 5000n, 10000n]);
    expect(suggestedAmounts("EUR")).toEqual([2500n, 5000n, 10000n]);
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
    expect(grossUp(5000n, { rate: 0.036, fixed: 0n })).toBe(5187n); // 5000 / 0.964 = 5186.72…
    expect(grossUp(2500n, { rate: 0.029, fixed: 30n })).toBe(2606n); // 2530 / 0.971 = 2605.56…
    expect(grossUp(1000n, { rate: 0, fixed: 0n })).toBe(1000n);
    expect(grossUp(9700n, { rate: 0.03, fixed: 0n })).toBe(10000n); // exact: no rounding up
  });

  it("refuses a rate of 100 % or more", () => {
    expect(() => grossUp(100n, { rate: 1, fixed: 0n })).toThrow();
  });

  it("never charges less than the gift, and the NGO nets at least the gift (property)", () => {
    const rule = fc.record({
      rate: fc.integer({ min: 0, max: 200_000 }).map((m) => m / 1_000_000),
      fixed: fc.bigInt({ min: 0n, max: 500n }),
    });
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000n }), rule, (amount, feeRule) => {
        const gross = grossUp(amount, feeRule);
        expect(gross).toBeGreaterThanOrEqual(amount);
        expect(gross - feeFor(gross, feeRule)).toBeGreaterThanOrEqual(amount);
        // …and it is the smallest such charge.
        if (gross > amount) expect(gross - 1n - feeFor(gross - 1n, feeRule)).toBeLessThan(amount);
      }),
    );
  });

  it("has a fee rule for every supported currency", () => {
    for (const currency of SUPPORTED_CURRENCIES) expect(FEE_RULES[currency].rate).toBeLessThan(1);
  });
});

describe("64-bit amounts", () => {
  it("formats amounts beyond int4 and beyond a double's exact integers without rounding", () => {
    expect(formatMoney(2_147_483_648n, "JPY")).toBe("¥2,147,483,648");
    expect(formatMoney(9_007_199_254_740_993n, "JPY")).toBe("¥9,007,199,254,740,993");
    expect(formatMoney(123_456_789_012_345_678n, "USD")).toBe("$1,234,567,890,123,456.78");
    expect(formatMoney(-1_250n, "USD")).toBe("-$12.50");
  });

  it("parses what the dashboard stores, up to MAX_STORED_MINOR", () => {
    expect(parseMajorAmount("3,000,000,000", "JPY", MAX_STORED_MINOR)).toEqual({ ok: true, minor: 3_000_000_000n });
    expect(parseMajorAmount("999999999999999", "JPY", MAX_STORED_MINOR)).toEqual({ ok: true, minor: MAX_STORED_MINOR });
    expect(parseMajorAmount("1000000000000000", "JPY", MAX_STORED_MINOR).ok).toBe(false);
  });

  it("computes progress on totals above int4", () => {
    expect(progressPercent(3_000_000_000n, 6_000_000_000n)).toBe(50);
    expect(progressPercent(6_000_000_001n, 6_000_000_000n)).toBe(100);
    expect(progressPercent(1n, 0n)).toBe(0);
  });
});
