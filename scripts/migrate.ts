// npm run db:migrate – applies pending migrations to DATABASE_URL, offline.
import "./lib/load-env";
import { env } from "@/lib/env";
import { migrate, MigrationError } from "@/scripts/lib/migrate";

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. (npm start migrates the embedded database by itself.)");
    process.exit(1);
  }
  const applied = await migrate(env.DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
}

main().catch((error: unknown) => {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
});
