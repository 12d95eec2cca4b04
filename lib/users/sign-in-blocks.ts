import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { accountKey } from "@/lib/auth/sign-in-limits";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LIMITS } from "@/lib/rate-limit";

// Sign-in blocks as admins see and clear them (the counters: lib/auth/sign-in-limits.ts). The
// limiter's rows are read straight from rate_limits: "<limiter>:<key>", points, expiry in ms.
const PAIR = "signInAccountAddress:";
const ADDRESS = "signInAddress:";

export type SignInBlocks = {
  /** User id → blocked addresses and when the last block ends. */
  users: Map<string, { addresses: number; until: Date }>;
  /** Addresses blocked for every account. */
  addresses: { address: string; until: Date }[];
};

async function activeBlocks(prefix: string, points: number, now: Date) {
  return db.rateLimit.findMany({
    where: { key: { startsWith: prefix }, points: { gte: points }, expire: { gt: BigInt(now.getTime()) } },
    select: { key: true, expire: true },
  });
}

const until = (expire: bigint | null) => new Date(Number(expire ?? 0n));

/** Blocks in force now: per user (any address) and per address. */
export async function listSignInBlocks(actor: Actor, now = new Date()): Promise<SignInBlocks> {
  assertMayUse(actor, "admin");
  const [pairs, addresses, users] = await Promise.all([
    activeBlocks(PAIR, LIMITS.signInAccountAddress.points, now),
    activeBlocks(ADDRESS, LIMITS.signInAddress.points, now),
    db.user.findMany({ select: { id: true, email: true } }),
  ]);
  const byAccount = new Map(users.map((u) => [accountKey(u.email), u.id]));
  const blocked = new Map<string, { addresses: number; until: Date }>();
  for (const row of pairs) {
    const userId = byAccount.get(row.key.slice(PAIR.length).split("|")[0] ?? "");
    if (!userId) continue;
    const seen = blocked.get(userId);
    const end = until(row.expire);
    blocked.set(userId, {
      addresses: (seen?.addresses ?? 0) + 1,
      until: seen && seen.until > end ? seen.until : end,
    });
  }
  return {
    users: blocked,
    addresses: addresses.map((row) => ({ address: row.key.slice(ADDRESS.length), until: until(row.expire) })),
  };
}

/** Lets a user sign in again from every address their failures blocked. Audited. */
export async function clearUserSignInBlocks(actor: Actor, userId: string): Promise<number> {
  const actorId = assertMayUse(actor, "admin");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
    const { count } = await tx.rateLimit.deleteMany({ where: { key: { startsWith: `${PAIR}${accountKey(user.email)}|` } } });
    await writeAudit(tx, {
      actorId,
      action: "user.sign_in_unblock",
      entityType: "User",
      entityId: userId,
      changes: { clearedAddresses: { after: count } },
    });
    return count;
  });
}

/** Lets an address try again, for every account. Audited. */
export async function clearAddressSignInBlock(actor: Actor, address: string): Promise<void> {
  const actorId = assertMayUse(actor, "admin");
  await db.$transaction(async (tx) => {
    await tx.rateLimit.deleteMany({ where: { key: `${ADDRESS}${address}` } });
    await writeAudit(tx, {
      actorId,
      action: "sign_in.address_unblock",
      entityType: "Address",
      entityId: address.slice(0, 100),
      changes: {},
    });
  });
}
