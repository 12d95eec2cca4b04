// Shared by the public data reads. Writes call invalidate() from lib/cache.ts, so this lifetime
// is only a backstop for changes made outside the app (another instance, a SQL console).
export const PUBLIC_CACHE_SECONDS = 300;
