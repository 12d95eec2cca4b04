// Demo dashboard users for a fresh database: one per role, initials only. Idempotent.
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { Role } from "../lib/generated/prisma/enums";
import { hashPassword } from "../lib/auth/password";

// The embedded demo runs on the visitor's own machine; this password is printed by `npm start`.
const DEMO_PASSWORD = "safe-passage-demo";

const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.safe-passage.local", name: "A. K.", role: "admin" },
  { email: "coordinator@demo.safe-passage.local", name: "M. T.", role: "coordinator" },
  { email: "editor@demo.safe-passage.local", name: "R. S.", role: "editor" },
];

export async function seedDemoUsers(prisma: PrismaClient): Promise<{ email: string; password: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    await prisma.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash } });
  }
  return { email: DEMO_USERS[0]!.email, password: DEMO_PASSWORD };
}
