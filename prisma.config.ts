// Prisma CLI configuration. The URL is only needed by commands that talk to a database
// (`prisma migrate status` online); `prisma generate` works without one.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
