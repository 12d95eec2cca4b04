// The one place that reads the next-auth session; tests replace this module with vi.mock.
import "server-only";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { authOptions } from "./options";

export type SessionClaims = { userId: string; sessionVersion: number };

export async function readSessionClaims(): Promise<SessionClaims | null> {
  // Per-request by nature: never let a page that checks the session be prerendered.
  await connection();
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  return { userId: session.uid, sessionVersion: session.sv ?? 0 };
}
