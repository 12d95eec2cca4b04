import type { Scenario } from "../lib/types";
export const donationVisible: Scenario = { name: "donation-visible", title: "donation-visible", run: async () => ({ status: "skipped", notes: ["todo"], markdown: "", data: {} }) };
