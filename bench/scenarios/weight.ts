import type { Scenario } from "../lib/types";
export const weight: Scenario = { name: "weight", title: "weight", run: async () => ({ status: "skipped", notes: ["todo"], markdown: "", data: {} }) };
