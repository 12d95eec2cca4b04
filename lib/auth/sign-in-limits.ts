// Sign-in attempt limits per account and per client address, kept by lib/rate-limit.ts in
// PostgreSQL (table rate_limits) so every app instance shares them. Only failures count.
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { LIMITS, limiter } from "@/lib/rate-limit";

function exhausted(res: RateLimiterRes | null, points: number): boolean {
  return res !== null && res.consumedPoints >= points;
}

/** True when either the account or the address has used up its failed attempts. */
export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const [account, address] = await Promise.all([limiter("signInAccount").get(email), limiter("signInAddress").get(ip)]);
  return exhausted(account, LIMITS.signInAccount.points) || exhausted(address, LIMITS.signInAddress.points);
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  // consume() rejects with a RateLimiterRes once the limit is passed: expected, not an error.
  // Anything else is the store failing, and an uncounted failure weakens the limit: say so.
  const results = await Promise.allSettled([
    limiter("signInAccount").consume(email),
    limiter("signInAddress").consume(ip),
  ]);
  for (const result of results) {
    if (result.status === "rejected" && !(result.reason instanceof RateLimiterRes)) {
      console.error("sign-in limits: a failed attempt was not counted:", result.reason);
    }
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await limiter("signInAccount").delete(email);
}
