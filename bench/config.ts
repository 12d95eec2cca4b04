import { encodeCursor } from "@/lib/donations/donation-cursor";

// Where the bench points: every URL the scenarios request lives here. A scenario whose URL answers 404, or whose
// prerequisite is missing, is skipped with a printed note instead of failing the run.
export const PATHS = {
  home: "/",
  campaign: (slug: string) => `/campaigns/${slug}`,
  news: (slug: string) => `/news/${slug}`,
  health: "/api/health",
  webhook: "/api/stripe/webhook",
  dashboardOverview: "/dashboard",
  dashboardDonations: "/dashboard/donations",
  /** A link to a later page of the donations list; used to learn the keyset cursor's URL shape. */
  nextPageLink: /href="([^"]*\/dashboard\/donations\?[^"]*after=[^"]*)"|rel="next"[^>]*href="([^"]*)"/,
  /**
   * Optional: the donations list URL positioned after a given row (the keyset cursor). When set,
   * the "deep page" starts in the middle of the table; unset, the bench follows rel="next" links
   * from the first page DEEP_HOPS times (keyset paging should cost the same at any depth).
   */
  dashboardDonationsAfter: ((row: { id: string; receivedAt: Date }) => `/dashboard/donations?after=${encodeCursor(row)}`) as
    | ((row: { id: string; receivedAt: Date }) => string)
    | undefined,
  csrf: "/api/auth/csrf",
  credentialsCallback: "/api/auth/callback/credentials",
} as const;

/** Static references (same bytes as a measured page) written under public/ while the bench runs. */
export const REFERENCE_DIR = "public/bench";

/** Defaults; each can be overridden on the command line (see bench/run.ts --help). */
export const DEFAULTS = {
  durationSeconds: 10,
  connections: 50,
  threads: 2,
  runs: 3,
  /** Scenario 5: checkout completions sent, and how many at once. */
  burst: 2_000,
  burstConcurrency: 20,
  /** Scenario 6: donations seeded before each measurement (cumulative sizes). */
  scaleSizes: [1_000, 10_000, 100_000],
  /** Scenario 6: requests per URL and size for p50/p95 (sequential-ish sampler, bounded). */
  scaleSamples: 200,
  scaleConcurrency: 4,
  /** Scenario 4: donations timed from webhook 200 to the page showing the new total. */
  visibleSamples: 10,
  visibleTimeoutMs: 15_000,
};
