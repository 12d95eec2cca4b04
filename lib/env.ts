import { createHmac } from "node:crypto";
// The only module that reads process.env. Every setting is parsed once with zod; a wrong
// value stops start-up with a message that names the variable.
import { z } from "zod";
import { isValidTimeZone } from "./time-zone";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TEST_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL of the site, used in links, feeds, sitemaps and Stripe redirects. */
  APP_URL: optionalString.pipe(z.url().optional()),
  /**
   * Long random secret; signs sessions and test-mode webhooks (sub-keys are derived from it).
   * `npm start` generates one into .data/ for the embedded demo; production must set it.
   */
  APP_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  /** Where the embedded demo keeps its database, the database's socket and its secret (private to this user). */
  DATA_DIR: optionalString.transform((v) => v ?? ".data"),
  /** Seed demo data on start even with DATABASE_URL set (never do this in production). */
  SEED_DEMO: flag,
  /** Stripe secret key (sk_live_… / sk_test_…). Unset: donations go through the built-in demo checkout. */
  STRIPE_SECRET_KEY: optionalString,
  /** Signing secret of the Stripe webhook endpoint (whsec_…); required with STRIPE_SECRET_KEY. */
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** Tests and local development only: a Stripe-compatible server, e.g. http://127.0.0.1:3302. */
  STRIPE_API_BASE: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Allow the built-in demo checkout (no real money) in production, e.g. for the embedded demo. */
  DEMO_CHECKOUT: flag,
  /** Receipt details of the NGO. Demo defaults outside production. */
  NGO_NAME: optionalString,
  NGO_ADDRESS: optionalString,
  NGO_EMAIL: optionalString.pipe(z.email().optional()),
  NGO_REGISTRATION: optionalString,
  /**
   * IANA time zone the NGO works in (e.g. Asia/Tokyo): times typed in the dashboard are read in
   * it and every time shown is shown in it; the database stores UTC. Default UTC; `npm start`'s
   * embedded demo uses Asia/Tokyo.
   */
  SITE_TIME_ZONE: optionalString.pipe(
    z.string().refine(isValidTimeZone, "must be an IANA time zone name such as Asia/Tokyo or UTC").optional(),
  ),
  /** next-auth's own base URL; `npm start` derives it from APP_URL, so set it only to override. */
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  /** Optional OAuth sign-in (GitHub / Google) for users who already exist; both halves or none. */
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_ID: optionalString,
  GOOGLE_SECRET: optionalString,
});

export type Ngo = { name: string; address: string; email: string; registration: string };
export type Env = z.infer<typeof schema> & { appUrl: string; ngo: Ngo; siteTimeZone: string };

const DEMO_NGO: Ngo = {
  name: "Safe Passage Demo NGO",
  address: "1-2-3 Example-cho, Chiyoda-ku, Tokyo (demo address)",
  email: "donations@example.org",
  registration: "Demo registration — not a real charity",
};

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const data = result.data;
  if (data.STRIPE_SECRET_KEY && !data.STRIPE_WEBHOOK_SECRET) {
    throw new Error("Invalid configuration (see .env.example):\n  STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY");
  }
  const demo = data.NODE_ENV !== "production";
  const ngo: Ngo = {
    name: data.NGO_NAME ?? (demo ? DEMO_NGO.name : "Safe Passage"),
    address: data.NGO_ADDRESS ?? (demo ? DEMO_NGO.address : ""),
    email: data.NGO_EMAIL ?? (demo ? DEMO_NGO.email : ""),
    registration: data.NGO_REGISTRATION ?? (demo ? DEMO_NGO.registration : ""),
  };
  return {
    ...data,
    ngo,
    appUrl: (data.APP_URL ?? `http://localhost:${data.PORT}`).replace(/\/$/, ""),
    siteTimeZone: data.SITE_TIME_ZONE ?? "UTC",
  };
}

export const env: Env = parseEnv(process.env);

/** A secret for one purpose, derived from APP_SECRET so each use has its own key. */
export function derivedSecret(purpose: string): string {
  if (!env.APP_SECRET) throw new Error("APP_SECRET is not set: `npm start` provides one; production must set it.");
  return createHmac("sha256", env.APP_SECRET).update(purpose).digest("hex");
}

/** The environment for a child process: this one's, plus the given overrides. */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
