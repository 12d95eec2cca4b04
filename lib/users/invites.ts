import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

const INVITE_DAYS = 7;
export const INVITE_INVALID = "This invitation link is not valid any more. Ask an admin for a new one.";

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time invitation and returns its token: only its hash is stored, so show it now or never. */
export async function createInvite(
  actor: Actor,
  input: { email: string; role: Role },
): Promise<{ token: string; expiresAt: Date }> {
  const actorId = assertMayUse(actor, "admin");
  const { email, role } = input;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "Someone with this e-mail already has an account.");
    const invite = await tx.invite.create({
      data: { email, role, tokenHash: hashInviteToken(token), invitedById: actorId, expiresAt },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId,
      action: "invite.create",
      entityType: "Invite",
      entityId: invite.id,
      changes: { email: { after: email }, role: { after: role }, expiresAt: { after: expiresAt } },
    });
  });
  return { token, expiresAt };
}

/** The open invitation for a token, or null when unknown, used or expired. */
export async function findOpenInvite(token: string) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { id: true, email: true, role: true, usedAt: true, expiresAt: true },
  });
  if (!invite || invite.usedAt || invite.expiresAt < new Date()) return null;
  return invite;
}

/** Turns an invitation into an account, once: the usedAt guard in the UPDATE wins any race. */
export async function acceptInvite(token: string, name: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({
      where: { tokenHash: hashInviteToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVITE_INVALID);
    const invite = await tx.invite.findUniqueOrThrow({
      where: { tokenHash: hashInviteToken(token) },
      select: { id: true, email: true, role: true },
    });
    const taken = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "An account with this e-mail already exists. Please sign in.");
    const user = await tx.user.create({
      data: { email: invite.email, name, role: invite.role, passwordHash },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: "invite.accept",
      entityType: "User",
      entityId: user.id,
      changes: {
        email: { after: invite.email },
        role: { after: invite.role },
        inviteId: { after: invite.id },
      },
    });
  });
}
