import type { Scenario } from "../lib/types";
export const scale: Scenario = { name: "scale", title: "scale", run: async () => ({ status: "skipped", notes: ["todo"], markdown: "", data: {} }) };
