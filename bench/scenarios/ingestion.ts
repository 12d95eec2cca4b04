import type { Scenario } from "../lib/types";
export const ingestion: Scenario = { name: "ingestion", title: "ingestion", run: async () => ({ status: "skipped", notes: ["todo"], markdown: "", data: {} }) };
