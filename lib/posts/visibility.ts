// A published post stays hidden until its publishedAt. Decided at render time, never cached.

export function isVisibleAt(publishedAt: string | null, now: Date): boolean {
  return publishedAt !== null && Date.parse(publishedAt) <= now.getTime();
}

export function visiblePosts<T extends { publishedAt: string | null }>(posts: readonly T[], now: Date): T[] {
  return posts.filter((p) => isVisibleAt(p.publishedAt, now));
}
