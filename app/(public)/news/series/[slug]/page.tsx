import { archiveMetadata, archivePage } from "../../_archive/archive-page";

export const generateMetadata = archiveMetadata("series");
export default archivePage("series");
