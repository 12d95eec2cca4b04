// An article's publication as staff read it: draft, scheduled for a time, or public since one.
import "server-only";
import { SiteTime } from "../_components/site-time";

export function isScheduled(post: { status: string; publishedAt: Date | null }, now: Date): boolean {
  return post.status === "published" && post.publishedAt !== null && post.publishedAt > now;
}

export function PublicationStatus({ post, now }: { post: { status: string; publishedAt: Date | null }; now: Date }) {
  if (post.status !== "published" || !post.publishedAt) return <>draft</>;
  return post.publishedAt > now ? (
    <>
      scheduled for <SiteTime date={post.publishedAt} />
    </>
  ) : (
    <>
      published <SiteTime date={post.publishedAt} />
    </>
  );
}
