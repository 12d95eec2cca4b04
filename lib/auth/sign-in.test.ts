import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LIMITS, limiter } from "@/lib/rate-limit";
import { clearUserSignInBlocks, listSignInBlocks } from "@/lib/users/sign-in-blocks";
import { makeUser } from "@/test/support/factories";
import { SIGN_IN_BLOCKED, SIGN_IN_FAILED } from "./messages";
import { authorizeCredentials } from "./options";
import { hashPassword } from "./password";

afterAll(() => db.$disconnect());

const PASSWORD = "right password 1";
let passwordHash: Promise<string> | undefined;

async function newUser(extra: { disabledAt?: Date; role?: "admin" | "editor" } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await makeUser(db, extra.role ?? "editor", { passwordHash: await passwordHash, disabledAt: extra.disabledAt });
  return user.email;
}

/** A fresh address per test, so tests never share a budget. */
let n = 0;
const address = () => `198.18.${Math.floor(Math.random() * 250)}.${++n % 250}`;

describe("credentials sign-in", () => {
  it("signs in with the right password, case-insensitively on the e-mail", async () => {
    const email = await newUser();
    await expect(authorizeCredentials({ email: email.toUpperCase(), password: PASSWORD }, address())).resolves.toMatchObject({
      email,
    });
  });

  it("gives one answer for a wrong password, an unknown e-mail and a disabled user", async () => {
    const email = await newUser();
    const disabled = await newUser({ disabledAt: new Date() });
    const ip = address();
    for (const attempt of [
      { email, password: "wrong" },
      { email: `nobody-${Date.now()}@test.local`, password: "wrong" },
      { email: disabled, password: PASSWORD },
    ]) {
      await expect(authorizeCredentials(attempt, ip)).rejects.toThrow(SIGN_IN_FAILED);
    }
  });

  it("stops ten failures on one account from one address, while the owner signs in from another (issue 12, bug 7)", async () => {
    const owner = await newUser({ role: "admin" });
    const attacker = address();
    for (let i = 0; i < LIMITS.signInAccountAddress.points; i++) {
      await expect(authorizeCredentials({ email: owner, password: `guess ${i}` }, attacker)).rejects.toThrow(SIGN_IN_FAILED);
    }
    // The attacker's address is stopped, even with the right password…
    await expect(authorizeCredentials({ email: owner, password: PASSWORD }, attacker)).rejects.toThrow(SIGN_IN_BLOCKED);
    // …the hammering goes on, and the owner, elsewhere, is not locked out.
    for (let i = 0; i < 3; i++) {
      await expect(authorizeCredentials({ email: owner, password: `more ${i}` }, attacker)).rejects.toThrow(SIGN_IN_BLOCKED);
    }
    await expect(authorizeCredentials({ email: owner, password: PASSWORD }, address())).resolves.toMatchObject({ email: owner });
    // An unknown e-mail is counted and blocked the same way: a block tells nobody an account exists.
    const nobody = `nobody-${Date.now()}@test.local`;
    for (let i = 0; i < LIMITS.signInAccountAddress.points; i++) {
      await expect(authorizeCredentials({ email: nobody, password: "x" }, attacker)).rejects.toThrow(SIGN_IN_FAILED);
    }
    await expect(authorizeCredentials({ email: nobody, password: "x" }, attacker)).rejects.toThrow(SIGN_IN_BLOCKED);
  });

  it("stops one address after 100 failures, whatever accounts it tries (issue 14: the per-address limit)", async () => {
    const ip = address();
    const victim = await newUser();
    // 95 failures already counted from this address (as the limiter stores them), then five more
    // through sign-in itself, each on a different account so no per-account budget is reached.
    await limiter("signInAddress").penalty(ip, LIMITS.signInAddress.points - 5);
    for (let i = 0; i < 4; i++) {
      await expect(authorizeCredentials({ email: `spray-${i}-${Date.now()}@test.local`, password: "x" }, ip)).rejects.toThrow(SIGN_IN_FAILED);
    }
    // 99 failures: not blocked yet (the right password still works from here).
    await expect(authorizeCredentials({ email: victim, password: PASSWORD }, ip)).resolves.toMatchObject({ email: victim });
    await expect(authorizeCredentials({ email: `spray-last-${Date.now()}@test.local`, password: "x" }, ip)).rejects.toThrow(SIGN_IN_FAILED);
    // The hundredth failure blocks the address for every account, the right password included.
    await expect(authorizeCredentials({ email: victim, password: PASSWORD }, ip)).rejects.toThrow(SIGN_IN_BLOCKED);
    await expect(authorizeCredentials({ email: victim, password: PASSWORD }, address())).resolves.toMatchObject({ email: victim });
  });

  it("lets an admin see and clear a user's block", async () => {
    const admin = await makeUser(db, "admin");
    const email = await newUser();
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const ip = address();
    for (let i = 0; i < LIMITS.signInAccountAddress.points; i++) {
      await authorizeCredentials({ email, password: `wrong ${i}` }, ip).catch(() => undefined);
    }
    expect((await listSignInBlocks(admin)).users.get(user.id)).toMatchObject({ addresses: 1 });
    expect(await clearUserSignInBlocks(admin, user.id)).toBe(1);
    expect((await listSignInBlocks(admin)).users.get(user.id)).toBeUndefined();
    await expect(authorizeCredentials({ email, password: PASSWORD }, ip)).resolves.toMatchObject({ email });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.sign_in_unblock", entityId: user.id } });
    expect(audit.actorId).toBe(admin.id);
  });
});
