// npm run user:create -- --email a@example.org --role admin [--name "A. K."]
// Creates a dashboard user (or resets the password of an existing one). The password is asked
// for with hidden input, or read from stdin when it is not a terminal (scripts, CI).
import "./lib/load-env";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { emailSchema, passwordSchema, roleSchema } from "@/lib/validations/user";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Reads a line from the terminal without echoing it (raw mode, one key at a time). */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    let answer = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    const onData = (text: string) => {
      for (const key of text) {
        if (key === "\r" || key === "\n") return (done(), resolve(answer));
        if (key === "\u0003") return (done(), reject(new Error("Cancelled.")));
        answer = key === "\u007f" || key === "\b" ? answer.slice(0, -1) : answer + key;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    stdin.on("data", onData);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const email = emailSchema.parse(values.email ?? "");
  const role = roleSchema.parse(values.role ?? "");
  const name = values.name?.trim() || email.split("@")[0]!;
  if (!env.DATABASE_URL)
    throw new Error("DATABASE_URL is not set: point it at the database to add the user to.");

  let password: string;
  if (process.stdin.isTTY) {
    password = await promptHidden(`Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters): `);
    const again = await promptHidden("Again: ");
    if (again !== password) throw new Error("The passwords do not match.");
  } else {
    password = await readStdin();
  }
  passwordSchema.parse(password);

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
  try {
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.upsert({
        where: { email },
        update: { passwordHash, role, disabledAt: null, sessionVersion: { increment: 1 } },
        create: { email, name, role, passwordHash },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: "user.cli_create",
          entityType: "User",
          entityId: user.id,
          changes: { email: { after: email }, role: { after: role } },
        },
      });
    });
    console.log(`User ${email} (${role}) is ready.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof z.ZodError) {
    console.error(error.issues.map((i) => `${i.path.join(".") || "password"}: ${i.message}`).join("\n"));
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
