// When the public sees one mission update, as lib/campaigns/mission-timeline.ts decided it.
import "server-only";
import type { Publication } from "@/lib/campaigns/mission-timeline";
import { SiteTime } from "../../_components/site-time";

export function PublicationLabel({ update, now }: { update?: { publication: Publication }; now: Date }) {
  const publication = update?.publication;
  if (!publication) return null;
  const text = (() => {
    switch (publication.kind) {
      case "staff-only":
        return <>Staff only</>;
      case "withdrawn":
        return <>Withdrawn: a safety pause came before it was public. Post it again when it is safe.</>;
      case "public":
        return publication.at <= now ? (
          <>
            Public since <SiteTime date={publication.at} />
          </>
        ) : (
          <>
            Scheduled for <SiteTime date={publication.at} />
            {publication.held && " (it waits for the update scheduled before it)"}
          </>
        );
    }
  })();
  return (
    <p className="text-muted" data-testid="publication">
      {text}
    </p>
  );
}
