import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { acceptInvite, createInvite, findOpenInvite, hashInviteToken } = await import("./invites");
const { verifyPassword } = await import("@/lib/auth/password");

let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  admin = await makeUser(db, "admin");
});
afterAll(() => db.$disconnect());

describe("invitations", () => {
  it("store only the token's hash, work once, and create the user with the invited role", async () => {
    const email = `invitee-${Date.now()}@test.local`;
    const { token } = await createInvite(admin, { email, role: "coordinator" });
    const stored = await db.invite.findFirstOrThrow({ where: { email }, select: { tokenHash: true } });
    expect(stored.tokenHash).toBe(hashInviteToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(await findOpenInvite(token)).toMatchObject({ email, role: "coordinator" });

    await acceptInvite(token, "C. O.", "a long enough password");
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { role: true, passwordHash: true },
    });
    expect(user.role).toBe("coordinator");
    expect(await verifyPassword(user.passwordHash!, "a long enough password")).toBe(true);

    await expect(acceptInvite(token, "X", "another long password")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await findOpenInvite(token)).toBeNull();
  });

  it("refuse an expired token", async () => {
    const email = `late-${Date.now()}@test.local`;
    const { token } = await createInvite(admin, { email, role: "editor" });
    await db.invite.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvite(token, "L. A.", "a long enough password")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
