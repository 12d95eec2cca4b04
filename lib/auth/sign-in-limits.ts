// Sign-in attempt limits, kept by lib/rate-limit.ts in PostgreSQL (table rate_limits) so every
// app instance shares them. Only failures count, in two budgets:
// - per account AND client address (10 per 15 minutes): whoever guesses one account's password
//   from one address is stopped, while its owner, at another address, still signs in. A budget
//   per account alone let anyone lock any account, the owner's included, for 15 minutes;
// - per client address (100 per 15 minutes): one address trying many accounts is stopped.
// Accounts are keyed by a hash of the e-mail: the table holds no e-mail addresses, and unknown
// e-mails are counted exactly like real ones, so a block says nothing about who has an account.
// Admins clear blocks on the Users page (lib/users/sign-in-blocks.ts).
import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { LIMITS, limiter } from "@/lib/rate-limit";

/** The account part of a limiter key: a short hash of the lower-cased e-mail. */
export function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}

/** The address as stored in a key (the column holds 255 characters, prefix included). */
function addressKey(ip: string): string {
  return ip.slice(0, 100);
}

export const accountAddressKey = (email: string, ip: string) => `${accountKey(email)}|${addressKey(ip)}`;

function exhausted(res: RateLimiterRes | null, points: number): boolean {
  return res !== null && res.consumedPoints >= points;
}

/** True when this account from this address, or this address, has used up its failed attempts. */
export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const [pair, address] = await Promise.all([
    limiter("signInAccountAddress").get(accountAddressKey(email, ip)),
    limiter("signInAddress").get(addressKey(ip)),
  ]);
  return exhausted(pair, LIMITS.signInAccountAddress.points) || exhausted(address, LIMITS.signInAddress.points);
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  // consume() rejects with a RateLimiterRes once the limit is passed: expected, not an error.
  // Anything else is the store failing, and an uncounted failure weakens the limit: say so.
  const results = await Promise.allSettled([
    limiter("signInAccountAddress").consume(accountAddressKey(email, ip)),
    limiter("signInAddress").consume(addressKey(ip)),
  ]);
  for (const result of results) {
    if (result.status === "rejected" && !(result.reason instanceof RateLimiterRes)) {
      console.error("sign-in limits: a failed attempt was not counted:", result.reason);
    }
  }
}

/** After a successful sign-in: this account's failures from this address are forgiven. */
export async function clearSignInFailures(email: string, ip: string): Promise<void> {
  await limiter("signInAccountAddress").delete(accountAddressKey(email, ip));
}
