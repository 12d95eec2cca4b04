// Text a hostile visitor (or an unlucky paste) puts into form fields. Shared by the property
// tests' ideas and the hostile-input end-to-end spec. Each XSS payload would open a dialog if it
// ever ran; each SQL-looking one must be stored and shown as the plain text it is.
export const XSS = [
  "<script>alert('script')</script>",
  "\"><img src=x onerror=alert('img')>",
  "<svg onload=alert('svg')>",
  "javascript:alert('link')",
  "{{constructor.constructor('alert(1)')()}}",
] as const;

export const SQL = ['\'; DROP TABLE "Donation"; --', "' OR '1'='1", "1; SELECT pg_sleep(5) --"] as const;

/** Visible trouble: right-to-left override, zero-width joiner, a lone surrogate, an emoji. */
export const ODD_UNICODE = "\u202etxet desrever\u200d \ud800 🙂";

/** Refused with a field message: PostgreSQL cannot store NUL, and no form means a bell or escape. */
export const CONTROL = "A\u0000B\u0007C\u001b[31m";

/** One string of everything above, cut to `max` characters. */
export function hostileText(tag: string, max: number): string {
  return `${tag} ${XSS.join(" ")} ${SQL.join(" ")} ${ODD_UNICODE}`.slice(0, max);
}
