// Money as 64-bit integers (bigint) in the currency's minor unit, with the currency beside it.
// Zero-decimal currencies follow Stripe's list: ¥5,000 is the integer 5000n.

/** Stripe's zero-decimal currencies (amounts are already in whole units). */
export const ZERO_DECIMAL_CURRENCIES = new Set([
  "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
]);

export const SUPPORTED_CURRENCIES = ["JPY", "USD", "EUR", "GBP", "KRW", "CAD", "AUD", "CHF"] as const;
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

/**
 * Largest single amount (a goal, an offline gift) we store: fifteen digits, so that the sum of
 * millions of them still fits PostgreSQL's bigint, the type of every amount and total.
 */
export const MAX_STORED_MINOR = 999_999_999_999_999n;

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

/**
 * Formats an integer amount of minor units, e.g. (500000n, "JPY") → "¥500,000". The major amount
 * goes to Intl as an exact decimal string, so no amount is rounded through a double.
 */
export function formatMoney(minor: bigint, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0n ? "-" : "";
  return moneyFormatter(currency, locale, digits).format(
    `${sign}${formatMajorPlain(minor < 0n ? -minor : minor, currency)}` as `${number}`,
  );
}

/** Share of the goal reached, 0–100, rounded down so 99.9 % never shows as 100 %. */
export function progressPercent(raised: bigint, goal: bigint): number {
  if (goal <= 0n || raised <= 0n) return 0;
  const percent = (raised * 100n) / goal;
  return percent > 100n ? 100 : Number(percent);
}

// ─── Typed amounts ──────────────────────────────────────────────────────────

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; message: string };

/** Largest amount a donor may pay (Stripe's 8-digit limit). */
const ABSOLUTE_MAX_MINOR = 99_999_999n;

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
  if (wholeTrimmed.length > 18) return { ok: false, message: "That amount is too large." };
  const minor = BigInt(wholeTrimmed + fraction.padEnd(digits, "0"));
  if (minor > max) return { ok: false, message: "That amount is too large." };
  return { ok: true, minor };
}

/** The plain major-unit text of an amount, the inverse of parseMajorAmount: (1999n, "USD") → "19.99". */
export function formatMajorPlain(minor: bigint, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

function exampleAmount(currency: string): string {
  return minorUnitDigits(currency) === 0 ? "5000" : "25.00";
}

// ─── Suggested amounts and limits ───────────────────────────────────────────

type CurrencyRules = { suggested: [bigint, bigint, bigint]; min: bigint; max: bigint };

// Minor units. Minimums sit above Stripe's smallest charge; maximums stop typos like 5000000.
const CURRENCY_RULES: Record<SupportedCurrency, CurrencyRules> = {
  JPY: { suggested: [3_000n, 10_000n, 30_000n], min: 100n, max: 5_000_000n },
  KRW: { suggested: [30_000n, 100_000n, 300_000n], min: 1_000n, max: 50_000_000n },
  USD: { suggested: [2_500n, 5_000n, 10_000n], min: 100n, max: 5_000_000n },
  EUR: { suggested: [2_500n, 5_000n, 10_000n], min: 100n, max: 5_000_000n },
  GBP: { suggested: [2_000n, 4_000n, 8_000n], min: 100n, max: 5_000_000n },
  CAD: { suggested: [2_500n, 5_000n, 10_000n], min: 100n, max: 5_000_000n },
  AUD: { suggested: [2_500n, 5_000n, 10_000n], min: 100n, max: 5_000_000n },
  CHF: { suggested: [2_500n, 5_000n, 10_000n], min: 100n, max: 5_000_000n },
};

function rulesOf(currency: string): CurrencyRules {
  const code = currency.toUpperCase();
  if (!isSupportedCurrency(code)) throw new Error(`Unsupported currency ${currency}`);
  return CURRENCY_RULES[code];
}

/** Three amounts offered as one-click choices, in minor units. */
export function suggestedAmounts(currency: string): readonly bigint[] {
  return rulesOf(currency).suggested;
}

/** Smallest and largest single gift we accept, in minor units. */
export function amountLimits(currency: string): { min: bigint; max: bigint } {
  const { min, max } = rulesOf(currency);
  return { min, max };
}

// ─── Covering the processing fee ────────────────────────────────────────────

/** A card processor's price: `rate` of the charge (0.036 = 3.6 %) plus `fixed` minor units. */
export type FeeRule = { rate: number; fixed: bigint };

// Typical published card pricing; edit here when the NGO's Stripe pricing differs.
export const FEE_RULES: Record<SupportedCurrency, FeeRule> = {
  JPY: { rate: 0.036, fixed: 0n },
  KRW: { rate: 0.034, fixed: 0n },
  USD: { rate: 0.029, fixed: 30n },
  EUR: { rate: 0.015, fixed: 25n },
  GBP: { rate: 0.015, fixed: 20n },
  CAD: { rate: 0.029, fixed: 30n },
  AUD: { rate: 0.017, fixed: 30n },
  CHF: { rate: 0.029, fixed: 30n },
};

export function feeRuleFor(currency: string): FeeRule {
  const code = currency.toUpperCase();
  if (!isSupportedCurrency(code)) throw new Error(`Unsupported currency ${currency}`);
  return FEE_RULES[code];
}

// The rate as an integer number of millionths, so the arithmetic below stays in integers.
function rateMicros(rate: number): bigint {
  if (!(rate >= 0 && rate < 1)) throw new Error("The fee rate must be at least 0 and below 1.");
  return BigInt(Math.round(rate * 1_000_000));
}

/**
 * What to charge so the NGO keeps at least `amount` after the fee:
 *   gross = ceil((amount + fixed) / (1 − rate))      (all in minor units)
 * Then gross − gross·rate − fixed ≥ amount; since gross − fixed − amount is an integer, it is
 * also ≥ ceil(gross·rate), so however the processor rounds its fee the NGO nets ≥ amount.
 */
export function grossUp(amount: bigint, rule: FeeRule): bigint {
  const numerator = (amount + rule.fixed) * 1_000_000n;
  const denominator = 1_000_000n - rateMicros(rule.rate);
  return (numerator + denominator - 1n) / denominator;
}

/** The processor's fee on a charge, rounded up (the worst case for the NGO). */
export function feeFor(gross: bigint, rule: FeeRule): bigint {
  return (gross * rateMicros(rule.rate) + 999_999n) / 1_000_000n + rule.fixed;
}
