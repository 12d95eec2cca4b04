// Rate limits shared by every app instance: counters live in PostgreSQL (table rate_limits,
// created by the migrations) through rate-limiter-flexible's RateLimiterPostgres.
import "server-only";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool, unnamedStatementStore } from "@/lib/db/pool";

/** Named limits: `points` attempts per `duration` seconds per key. Add new ones here. */
export const LIMITS = {
  /** Creating a checkout session, per client address. */
  checkout: { points: 10, duration: 10 * 60 },
  /**
   * Failed sign-ins per account from one client address. Not per account alone: then anyone
   * could lock any account, the owner's included (lib/auth/sign-in-limits.ts).
   */
  signInAccountAddress: { points: 10, duration: 15 * 60 },
  /** Failed sign-ins per client address, whatever the account. */
  signInAddress: { points: 100, duration: 15 * 60 },
} as const;

export type LimiterName = keyof typeof LIMITS;

export type ConsumeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

const globalForLimits = globalThis as { rateLimitPool?: pg.Pool; rateLimiters?: Map<LimiterName, RateLimiterPostgres> };

function pool(): pg.Pool {
  globalForLimits.rateLimitPool ??= createPool("rate limits", { max: 3 });
  return globalForLimits.rateLimitPool;
}

export function limiter(name: LimiterName): RateLimiterPostgres {
  const limiters = (globalForLimits.rateLimiters ??= new Map());
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: unnamedStatementStore(pool()),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      ...LIMITS[name],
    });
    limiters.set(name, found);
  }
  return found;
}

/**
 * Spends one point of `limiterName` for `key` (an IP, an e-mail…). Over the limit → ok: false with
 * the seconds to wait. A store failure is thrown, not treated as "allowed".
 */
export async function consume(limiterName: LimiterName, key: string): Promise<ConsumeResult> {
  try {
    const res = await limiter(limiterName).consume(key);
    return { ok: true, remaining: res.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    throw error;
  }
}

/**
 * The client address for per-client limits: the LAST X-Forwarded-For entry, the one the nearest
 * proxy added (earlier entries are whatever the client sent), else X-Real-IP. The shipped nginx
 * configuration overwrites both with the socket address, so a client cannot choose its own.
 */
export function clientIp(headers: Headers | Record<string, unknown> | undefined): string {
  const read = (name: string): string | undefined => {
    const value = headers instanceof Headers ? headers.get(name) : headers?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const forwarded = read("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || read("x-real-ip")?.trim() || "unknown";
}

/** "Please wait about 3 minutes" style text for a refused attempt. */
export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return minutes <= 1 ? "Please wait a minute and try again." : `Please wait about ${minutes} minutes and try again.`;
}
