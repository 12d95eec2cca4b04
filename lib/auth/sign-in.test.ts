import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/test/support/factories";
import { SIGN_IN_BLOCKED, SIGN_IN_FAILED } from "./messages";
import { authorizeCredentials } from "./options";
import { hashPassword } from "./password";

afterAll(() => db.$disconnect());

async function newUser(extra: { disabledAt?: Date } = {}) {
  const user = await makeUser(db, "editor", { passwordHash: await hashPassword("right password 1"), ...extra });
  return user.email;
}

describe("credentials sign-in", () => {
  it("signs in with the right password, case-insensitively on the e-mail", async () => {
    const email = await newUser();
    await expect(
      authorizeCredentials({ email: email.toUpperCase(), password: "right password 1" }, "10.0.0.1"),
    ).resolves.toMatchObject({ email });
  });

  it("gives one answer for a wrong password, an unknown e-mail and a disabled user", async () => {
    const email = await newUser();
    const disabled = await newUser({ disabledAt: new Date() });
    for (const attempt of [
      { email, password: "wrong" },
      { email: `nobody-${Date.now()}@test.local`, password: "wrong" },
      { email: disabled, password: "right password 1" },
    ]) {
      await expect(authorizeCredentials(attempt, "10.0.0.2")).rejects.toThrow(SIGN_IN_FAILED);
    }
  });

  it("blocks an account after ten failures, even with the right password", async () => {
    const email = await newUser();
    for (let i = 0; i < 10; i++) {
      await expect(authorizeCredentials({ email, password: `wrong ${i}` }, `10.1.0.${i}`)).rejects.toThrow(
        SIGN_IN_FAILED,
      );
    }
    await expect(authorizeCredentials({ email, password: "right password 1" }, "10.1.1.1")).rejects.toThrow(
      SIGN_IN_BLOCKED,
    );
  });
});
