// Money as integers in the currency's minor unit, with the currency beside it.
// Zero-decimal currencies follow Stripe's list: ¥5,000 is the integer 5000.

/** Stripe's zero-decimal currencies (amounts are already in whole units). */
export const ZERO_DECIMAL_CURRENCIES = new Set([
  "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
]);

export const SUPPORTED_CURRENCIES = ["JPY", "USD", "EUR", "GBP", "KRW", "CAD", "AUD", "CHF"] as const;
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

/** Largest amount a column can hold (PostgreSQL int4): goals and offline gifts above it are refused. */
export const MAX_STORED_MINOR = 2_147_483_647;

export function isSupportedCurrency(code: string): code is SupportedCurrency {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(code);
}

/** Number of decimal places of the currency's minor unit (0 for JPY, 2 for USD). */
export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2;
}

// Building an Intl.NumberFormat costs far more than formatting with one, and a page formats
// dozens of amounts in a handful of currencies: keep one formatter per locale and currency.
const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats an integer amount of minor units, e.g. (500000, "JPY") → "¥500,000". */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  return moneyFormatter(currency, locale, digits).format(minor / 10 ** digits);
}

/** Share of the goal reached, 0–100, rounded down so 99.9 % never shows as 100 %. */
export function progressPercent(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((raised * 100) / goal)));
}

// ─── Typed amounts ──────────────────────────────────────────────────────────

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

/** Largest amount a donor may pay (Stripe's 8-digit limit). */
const ABSOLUTE_MAX_MINOR = 99_999_999;

/**
 * Parses what a donor typed ("19.99", "5,000", "¥ 5,000", "1 000,00" is refused) into minor units
 * without floating point: the digits are joined as a string, so "19.99" USD is exactly 1999.
 * Commas are thousands separators only; a dot starts the decimals. `max` (minor units) defaults to
 * what Stripe can charge; dashboard amounts pass MAX_STORED_MINOR, what the database can hold.
 */
export function parseMajorAmount(input: string, currency: string, max = ABSOLUTE_MAX_MINOR): ParsedAmount {
  const digits = minorUnitDigits(currency);
  const cleaned = input.trim().replace(/^[¥$€£₩]|^(CHF|CA\$|A\$)/i, "").trim();
  if (cleaned === "") return { ok: false, message: "Enter an amount." };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: "Enter the amount as a number, e.g. " + exampleAmount(currency) + "." };
  const whole = (match[1] ?? "").replace(/,/g, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${currency} amounts have no decimals.` : `Use at most ${digits} decimals.`,
    };
  }
  const wholeTrimmed = whole.replace(/^0+(?=\d)/, "");
  // Twelve digits plus two decimals stay well inside a double's exact integers.
  if (wholeTrimmed.length > 12) return { ok: false, message: "That amount is too large." };
  const minor = Number(wholeTrimmed + fraction.padEnd(digits, "0"));
  if (minor > max) return { ok: false, message: "That amount is too large." };
  return { ok: true, minor };
}

/** The plain major-unit text of an amount, the inverse of parseMajorAmount: (1999, "USD") → "19.99". */
export function formatMajorPlain(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

function exampleAmount(currency: string): string {
  return minorUnitDigits(currency) === 0 ? "5000" : "25.00";
}

// ─── Suggested amounts and limits ───────────────────────────────────────────

type CurrencyRules = { suggested: [number, number, number]; min: number; max: number };

// Minor units. Minimums sit above Stripe's smallest charge; maximums stop typos like 5000000.
const CURRENCY_RULES: Record<SupportedCurrency, CurrencyRules> = {
  JPY: { suggested: [3_000, 10_000, 30_000], min: 100, max: 5_000_000 },
  KRW: { suggested: [30_000, 100_000, 300_000], min: 1_000, max: 50_000_000 },
  USD: { suggested: [2_500, 5_000, 10_000], min: 100, max: 5_000_000 },
  EUR: { suggested: [2_500, 5_000, 10_000], min: 100, max: 5_000_000 },
  GBP: { suggested: [2_000, 4_000, 8_000], min: 100, max: 5_000_000 },
  CAD: { suggested: [2_500, 5_000, 10_000], min: 100, max: 5_000_000 },
  AUD: { suggested: [2_500, 5_000, 10_000], min: 100, max: 5_000_000 },
  CHF: { suggested: [2_500, 5_000, 10_000], min: 100, max: 5_000_000 },
};

function rulesOf(currency: string): CurrencyRules {
  const code = currency.toUpperCase();
  if (!isSupportedCurrency(code)) throw new Error(`Unsupported currency ${currency}`);
  return CURRENCY_RULES[code];
}

/** Three amounts offered as one-click choices, in minor units. */
export function suggestedAmounts(currency: string): readonly number[] {
  return rulesOf(currency).suggested;
}

/** Smallest and largest single gift we accept, in minor units. */
export function amountLimits(currency: string): { min: number; max: number } {
  const { min, max } = rulesOf(currency);
  return { min, max };
}

// ─── Covering the processing fee ────────────────────────────────────────────

/** A card processor's price: `rate` of the charge (0.036 = 3.6 %) plus `fixed` minor units. */
export type FeeRule = { rate: number; fixed: number };

// Typical published card pricing; edit here when the NGO's Stripe pricing differs.
export const FEE_RULES: Record<SupportedCurrency, FeeRule> = {
  JPY: { rate: 0.036, fixed: 0 },
  KRW: { rate: 0.034, fixed: 0 },
  USD: { rate: 0.029, fixed: 30 },
  EUR: { rate: 0.015, fixed: 25 },
  GBP: { rate: 0.015, fixed: 20 },
  CAD: { rate: 0.029, fixed: 30 },
  AUD: { rate: 0.017, fixed: 30 },
  CHF: { rate: 0.029, fixed: 30 },
};

export function feeRuleFor(currency: string): FeeRule {
  const code = currency.toUpperCase();
  if (!isSupportedCurrency(code)) throw new Error(`Unsupported currency ${currency}`);
  return FEE_RULES[code];
}

// The rate as an integer number of millionths, so the arithmetic below stays in integers.
function rateMicros(rate: number): number {
  if (!(rate >= 0 && rate < 1)) throw new Error("The fee rate must be at least 0 and below 1.");
  return Math.round(rate * 1_000_000);
}

/**
 * What to charge so the NGO keeps at least `amount` after the fee:
 *   gross = ceil((amount + fixed) / (1 − rate))      (all in minor units)
 * Then gross − gross·rate − fixed ≥ amount; since gross − fixed − amount is an integer, it is
 * also ≥ ceil(gross·rate), so however the processor rounds its fee the NGO nets ≥ amount.
 */
export function grossUp(amount: number, rule: FeeRule): number {
  const micros = rateMicros(rule.rate);
  const numerator = (amount + rule.fixed) * 1_000_000;
  const denominator = 1_000_000 - micros;
  return Math.floor((numerator + denominator - 1) / denominator);
}

/** The processor's fee on a charge, rounded up (the worst case for the NGO). */
export function feeFor(gross: number, rule: FeeRule): number {
  return Math.floor((gross * rateMicros(rule.rate) + 999_999) / 1_000_000) + rule.fixed;
}
