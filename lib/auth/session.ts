// Who is asking, checked where the data is read. The user is read from the database on every
// request (once per request thanks to cache()), so a disabled user or an old session version is
// signed out at the next request, whatever the cookie says.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { readSessionClaims } from "@/lib/auth/session-claims";
import { findSessionUser } from "@/lib/users/find-user";
import { AppError } from "@/lib/errors";
import { FORBIDDEN_MESSAGE } from "./roles";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The signed-in, enabled user whose token is current; null otherwise. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const user = await findSessionUser(claims.userId);
  if (!user || user.disabledAt || claims.sessionVersion < user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** Pages: the signed-in user, or a redirect to the sign-in page. */
export const requireUser = cache(async (): Promise<SessionUser> => {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
});

/** Pages: a user with one of the roles; others get "not found" so nothing leaks about the page. */
export const requireRole = cache(async (...roles: Role[]): Promise<SessionUser> => {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
});

/** Actions and route handlers: like requireRole but throws AppError, so callers answer in their own way. */
export async function authorizeRole(roles: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return user;
}
