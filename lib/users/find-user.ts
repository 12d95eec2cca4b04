import "server-only";
import { db } from "@/lib/db";

/** The fields sign-in needs; e-mails are stored lower-case. */
export async function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
}

/** The user behind a session, read fresh on every request so disabling takes effect at once. */
export async function findSessionUser(id: string) {
  return db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
}
