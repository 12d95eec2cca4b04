import { archiveMetadata, archivePage } from "../../_archive/archive-page";

export const generateMetadata = archiveMetadata("category");
export default archivePage("category");
