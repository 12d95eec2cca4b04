import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSignInBlocked, recordFailedSignIn } from "./auth/sign-in-limits";
import { clientIp, consume, LIMITS } from "./rate-limit";

describe("consume", () => {
  it("allows the configured number of attempts per key, then refuses with a wait time", async () => {
    const key = `test-${randomBytes(4).toString("hex")}`;
    for (let i = 0; i < LIMITS.checkout.points; i++) expect((await consume("checkout", key)).ok).toBe(true);
    const refused = await consume("checkout", key);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another key has its own budget.
    expect((await consume("checkout", `${key}-other`)).ok).toBe(true);
  });
});

describe("the checkout and sign-in limiters side by side", () => {
  // Both use rate-limiter-flexible on the same table through their own pools. On the embedded
  // PGlite every connection shares one session, and the library's named prepared statements
  // collided there ("already exists"): after one gift, sign-in failed in the demo.
  it("work on several connections at once", async () => {
    const key = `side-${randomBytes(4).toString("hex")}`;
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => consume("checkout", `${key}-${i}`)),
      ...Array.from({ length: 4 }, () => recordFailedSignIn(`${key}@example.org`, "192.0.2.10")),
      isSignInBlocked(`${key}@example.org`, "192.0.2.10"),
    ]);
    expect(results.slice(0, 6).every((r) => r && typeof r === "object" && "ok" in r && r.ok)).toBe(true);
    expect(await isSignInBlocked(`${key}@example.org`, "192.0.2.10")).toBe(false);
  });
});

describe("clientIp", () => {
  it("takes the hop the nearest proxy added (the last), then X-Real-IP", () => {
    // The client wrote the first entry itself; the proxy appended the address it really saw.
    expect(
      clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 198.51.100.9", "x-real-ip": "10.0.0.2" })),
    ).toBe("198.51.100.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.9" }))).toBe("198.51.100.9");
    // next-auth hands the headers over as a plain object.
    expect(clientIp({ "x-forwarded-for": "forged, 192.0.2.9" })).toBe("192.0.2.9");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
