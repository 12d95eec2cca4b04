// Money as integers in the currency's minor unit, with the currency beside it.
// Zero-decimal currencies follow Stripe's list: ¥5,000 is the integer 5000.

/** Stripe's zero-decimal currencies (amounts are already in whole units). */
export const ZERO_DECIMAL_CURRENCIES = new Set([
  "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
]);

export const SUPPORTED_CURRENCIES = ["JPY", "USD", "EUR", "GBP", "KRW", "CAD", "AUD", "CHF"] as const;
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

export function isSupportedCurrency(code: string): code is SupportedCurrency {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(code);
}

/** Number of decimal places of the currency's minor unit (0 for JPY, 2 for USD). */
export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2;
}

/** Formats an integer amount of minor units, e.g. (500000, "JPY") → "¥500,000". */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** Share of the goal reached, 0–100, rounded down so 99.9 % never shows as 100 %. */
export function progressPercent(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((raised * 100) / goal)));
}
