import { afterAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { setUserRole } = await import("./edit-user");

afterAll(() => db.$disconnect());

describe("user management", () => {
  it("a role change ends the user's sessions", async () => {
    const admin = await makeUser(db, "admin");
    const target = await makeUser(db, "editor");
    await setUserRole(admin, target.id, "coordinator");
    expect(
      await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, sessionVersion: true } }),
    ).toEqual({ role: "coordinator", sessionVersion: 1 });
  });
});
