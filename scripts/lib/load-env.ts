// Loads .env files the way Next.js does, before lib/env.ts parses them. Import it first.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
