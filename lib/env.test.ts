import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const parse = (vars: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...vars });

describe("configuration", () => {
  it("reads SITE_TIME_ZONE as an IANA zone, UTC when unset, and stops at a wrong one naming it", () => {
    expect(parse({}).siteTimeZone).toBe("UTC");
    expect(parse({ SITE_TIME_ZONE: "" }).siteTimeZone).toBe("UTC");
    expect(parse({ SITE_TIME_ZONE: "Asia/Tokyo" }).siteTimeZone).toBe("Asia/Tokyo");
    expect(() => parse({ SITE_TIME_ZONE: "Tokyo" })).toThrow(/SITE_TIME_ZONE: must be an IANA time zone name/);
    expect(() => parse({ SITE_TIME_ZONE: "+09:00x" })).toThrow(/SITE_TIME_ZONE/);
  });
});
