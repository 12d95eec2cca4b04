import { afterAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { makeUser } from "@/test/support/factories";

const claims = vi.hoisted(() => ({ current: null as SessionClaims | null }));
vi.mock("@/lib/auth/session-claims", () => ({ readSessionClaims: async () => claims.current }));

const { db } = await import("@/lib/db");
const { authorizeRole, getSessionUser } = await import("./session");

afterAll(() => db.$disconnect());

const newUser = (role: "admin" | "editor") => makeUser(db, role);

describe("session rules", () => {
  it("accepts a current token of an enabled user", async () => {
    const user = await newUser("editor");
    claims.current = { userId: user.id, sessionVersion: user.sessionVersion };
    expect(await getSessionUser()).toMatchObject({ id: user.id, role: "editor" });
  });

  it("signs out a token older than the user's session version", async () => {
    const user = await newUser("editor");
    claims.current = { userId: user.id, sessionVersion: 0 };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    expect(await getSessionUser()).toBeNull();
  });

  it("signs out a disabled user even with a current token", async () => {
    const user = await newUser("admin");
    claims.current = { userId: user.id, sessionVersion: 0 };
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getSessionUser()).toBeNull();
  });

  it("signs out a token for a user that no longer exists", async () => {
    claims.current = { userId: "gone", sessionVersion: 0 };
    expect(await getSessionUser()).toBeNull();
  });

  it("tells actions apart: signed out versus wrong role", async () => {
    claims.current = null;
    await expect(authorizeRole(["admin"])).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const user = await newUser("editor");
    claims.current = { userId: user.id, sessionVersion: 0 };
    await expect(authorizeRole(["admin"])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(authorizeRole(["editor"])).resolves.toMatchObject({ id: user.id });
  });
});
