import "server-only";
import { z } from "zod";
import { resolveDatabaseUrl } from "@/lib/db/url";

// Environment parsed once: a bad configuration fails loudly at start, naming the variable.
const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1),
  /** required by the web app (sessions); `npm start` generates one on first run. The CLI does not need it. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** how long an invite link stays valid */
  INVITE_TTL_HOURS: z.coerce.number().int().positive().default(72),
});

function loadEnv() {
  const result = EnvSchema.safeParse({
    ...process.env,
    DATABASE_URL: resolveDatabaseUrl(process.env.DATABASE_URL),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

export const env = loadEnv();
