import { resolve } from 'node:path';
import { z } from 'zod';

export interface SenimConfig {
  port: number;
  host: string;
  /** Folder of the embedded database (and, later, its key); ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  adminEmail: string;
  /** Null: generate one and print it once. */
  adminPassword: string | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Behind a reverse proxy that terminates TLS: trust its X-Forwarded-* headers (client address, https). */
  trustProxy: boolean;
  /** Identification decision target, in working days from referral (UK practice: 5). */
  decisionTargetWorkingDays: number;
  /** Recovery and reflection period for foreign and stateless persons (Convention art. 13: at least 30). */
  reflectionDays: number;
  /** How many synthetic NRM cases demo data includes; null: the demo's own number. */
  demoCases: number | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('localhost'),
  SENIM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SENIM_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SENIM_ADMIN_EMAIL: z.string().trim().email('must be an email address').default('admin@senim.local'),
  SENIM_ADMIN_PASSWORD: z.string().optional(),
  SENIM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SENIM_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  SENIM_TRUST_PROXY: z.enum(['true', 'false'], "must be 'true' or 'false'").default('false'),
  SENIM_DECISION_TARGET_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  SENIM_DEMO_CASES: z.coerce.number().int().min(0).max(100_000).optional(),
  SENIM_REFLECTION_DAYS: z.coerce.number().int().min(30, 'must be at least 30 days (Council of Europe Convention, art. 13)').max(365).default(30),
});

export function readConfig(env: NodeJS.ProcessEnv = process.env): SenimConfig {
  // An empty variable (PORT=) means "not set", as in most shells' intent.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: resolve(values.SENIM_DATA_DIR),
    databaseUrl: values.DATABASE_URL ?? null,
    databasePoolSize: values.SENIM_DB_POOL_SIZE,
    logLevel: values.LOG_LEVEL,
    adminEmail: values.SENIM_ADMIN_EMAIL,
    adminPassword: values.SENIM_ADMIN_PASSWORD ?? null,
    sessionIdleMinutes: values.SENIM_SESSION_IDLE_MINUTES,
    sessionMaxHours: values.SENIM_SESSION_MAX_HOURS,
    trustProxy: values.SENIM_TRUST_PROXY === 'true',
    decisionTargetWorkingDays: values.SENIM_DECISION_TARGET_WORKING_DAYS,
    reflectionDays: values.SENIM_REFLECTION_DAYS,
    demoCases: values.SENIM_DEMO_CASES ?? null,
  };
}
