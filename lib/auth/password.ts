// Password hashing with argon2id. A dummy hash lets sign-in spend the same work when the
// e-mail is unknown, so timing does not tell whether an account exists.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = {
  // 2 = Argon2id (the package exports it as an ambient const enum, unusable with isolatedModules).
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, never a crash.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throw-away hash and always answers false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("dummy-password-that-matches-nothing");
  await verifyPassword(await dummyHash, password);
  return false;
}
