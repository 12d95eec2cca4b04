import { afterAll, describe, expect, it } from "vitest";
import { makeUser } from "@/test/support/factories";

const { db } = await import("@/lib/db");
const { writeAudit } = await import("./write-audit");

afterAll(() => db.$disconnect());

describe("audit log", () => {
  it("is append-only in the database", async () => {
    const actor = await makeUser(db, "admin");
    await db.$transaction((tx) =>
      writeAudit(tx, { actorId: actor.id, action: "test.entry", entityType: "User", entityId: actor.id }),
    );
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: actor.id }, select: { id: true } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
