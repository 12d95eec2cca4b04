import { randomBytes } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./db/embedded";
import { migrate } from "./db/migrate";
import { clientIp, consume, createStorePool, LIMITS } from "./rate-limit";

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

describe("clientIp", () => {
  it("takes the last X-Forwarded-For hop (the nearest proxy's), then X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.2" }))).toBe("10.0.0.1");
    expect(clientIp({ "x-forwarded-for": "forged, 192.0.2.9" })).toBe("192.0.2.9");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});

describe("the limiter store on the embedded PostgreSQL", () => {
  // PGlite serves every connection from one session: named prepared statements collide there.
  async function spend(pool: pg.Pool): Promise<void> {
    const limiter = new RateLimiterPostgres({ storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix: "t", points: 50, duration: 60 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => limiter.consume(`k${i}`)));
    await Promise.all(Array.from({ length: 6 }, (_, i) => limiter.get(`k${i}`)));
  }

  it("works through several connections, where named statements would collide", async () => {
    const embedded = await startEmbeddedPostgres({});
    try {
      await migrate(embedded.url);
      const plain = new pg.Pool({ connectionString: embedded.url, max: 3 });
      await expect(spend(plain)).rejects.toThrow(/prepared statement .* already exists/);
      await plain.end();
      const store = createStorePool(embedded.url);
      await expect(spend(store)).resolves.toBeUndefined();
      await store.end();
    } finally {
      await embedded.stop();
    }
  });
});
