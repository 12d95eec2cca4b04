// Demo data for a fresh database: written for this project, initials only for people.
// Idempotent: a database that already has campaigns is left as it is.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemoUsers } from "./seed-users";

export type SeedResult = { created: boolean; signIn?: { email: string; password: string } };

export async function seedDemo(connectionString: string): Promise<SeedResult> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const signIn = await seedDemoUsers(prisma);
    if ((await prisma.campaign.count()) > 0) return { created: false, signIn };
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
    await prisma.campaign.createMany({
      data: [
        {
          slug: "seven-waiting-for-safe-passage",
          title: "Seven people waiting for safe passage",
          summary: "Three families and one woman are hiding abroad. Their route is ready; the funds are not.",
          goalAmount: 4_200_000,
          currency: "JPY",
          deadline: inDays(21),
          status: "published",
        },
        {
          slug: "first-year-after-resettlement",
          title: "The first year after resettlement",
          summary: "Language classes, rent deposits and school supplies for families who reached safety.",
          goalAmount: 1_500_000,
          currency: "USD",
          deadline: inDays(90),
          status: "published",
        },
      ],
    });
    return { created: true, signIn };
  } finally {
    await prisma.$disconnect();
  }
}

// `npm run db:seed`: seed the database named by DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { env } = await import("../lib/env");
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const result = await seedDemo(env.DATABASE_URL);
  console.log(result.created ? "Demo data created." : "Database already has data: nothing seeded.");
}
