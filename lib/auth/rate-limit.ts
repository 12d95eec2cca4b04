// Sign-in attempt limits per account and per client address, stored in PostgreSQL
// (table rate_limits) so every app instance shares them.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool, unnamedStatementStore } from "@/lib/db/pool";

const WINDOW_SECONDS = 15 * 60;

type Limiters = { account: RateLimiterPostgres; ip: RateLimiterPostgres };
let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  if (limiters) return limiters;
  const storeClient = unnamedStatementStore(createPool("sign-in limits", { max: 2 }));
  const common = {
    storeClient,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  limiters = {
    account: new RateLimiterPostgres({
      ...common,
      keyPrefix: "signin_account",
      points: 10,
      duration: WINDOW_SECONDS,
    }),
    ip: new RateLimiterPostgres({ ...common, keyPrefix: "signin_ip", points: 100, duration: WINDOW_SECONDS }),
  };
  return limiters;
}

function exhausted(res: RateLimiterRes | null, points: number): boolean {
  return res !== null && res.consumedPoints >= points;
}

/** True when either the account or the address has used up its failed attempts. */
export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const { account, ip: byIp } = getLimiters();
  const [a, b] = await Promise.all([account.get(email), byIp.get(ip)]);
  return exhausted(a, account.points) || exhausted(b, byIp.points);
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = getLimiters();
  // consume() rejects with a RateLimiterRes once the limit is passed: expected, not an error.
  // Anything else is the store failing, and an uncounted failure weakens the limit: say so.
  const results = await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
  for (const result of results) {
    if (result.status === "rejected" && !(result.reason instanceof RateLimiterRes)) {
      console.error("sign-in limits: a failed attempt was not counted:", result.reason);
    }
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
