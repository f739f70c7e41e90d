import { isIP } from 'node:net';
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
  /**
   * Which reverse proxies' X-Forwarded-* headers are believed (client address,
   * https): false for none, or the proxies' addresses and CIDRs.
   * Never "everyone": a forged header would escape the lock-out and enter the audit trail.
   */
  trustProxy: TrustProxy;
  /** The address users open (https://senim.example.kz); https makes the session cookie Secure. */
  publicUrl: string | null;
  /** Ended or expired sessions are deleted this many days after they ended. */
  sessionRetentionDays: number;
  /** Sign-in attempts are deleted this many days after they were made. */
  signInAttemptRetentionDays: number;
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

export type TrustProxy = false | string[];

// proxy-addr's name for 127.0.0.1/8 and ::1: a proxy on the same machine.
const LOOPBACK = 'loopback';

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const nameTheProxies =
  "name the reverse proxies in front of Senim by address or CIDR, comma-separated (e.g. 10.0.0.5,10.1.0.0/16, or 'loopback' for a proxy on the same machine), or keep 'false' without a proxy";

/**
 * SENIM_TRUST_PROXY: 'false' or the proxies' addresses and CIDRs. Neither
 * 'true' nor a hop count: both believe a client that connects directly and
 * writes its own X-Forwarded-For, which would escape the lock-out and be written
 * into the audit trail (Fastify itself now ignores a hop count for that reason).
 */
function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  if (value === 'false') {
    return false;
  }
  if (value === 'true') {
    throw new ConfigError(`SENIM_TRUST_PROXY: 'true' would believe an X-Forwarded-For header sent by anyone; ${nameTheProxies}`);
  }
  if (/^\d+$/.test(value)) {
    throw new ConfigError(`SENIM_TRUST_PROXY: a hop count cannot tell a proxy from a client that connects directly; ${nameTheProxies}`);
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => entry !== LOOPBACK && !isAddressOrCidr(entry));
  if (entries.length === 0 || wrong.length > 0) {
    throw new ConfigError(`SENIM_TRUST_PROXY: not an address or CIDR: ${wrong.join(', ') || value}; ${nameTheProxies}`);
  }
  return entries;
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
  SENIM_TRUST_PROXY: z.string().default('false'),
  SENIM_PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+/, 'must be the address users open, starting with https:// (or http://), e.g. https://senim.example.kz')
    .optional(),
  SENIM_SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  SENIM_SIGN_IN_ATTEMPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
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
    trustProxy: parseTrustProxy(values.SENIM_TRUST_PROXY),
    publicUrl: values.SENIM_PUBLIC_URL ?? null,
    sessionRetentionDays: values.SENIM_SESSION_RETENTION_DAYS,
    signInAttemptRetentionDays: values.SENIM_SIGN_IN_ATTEMPT_RETENTION_DAYS,
    decisionTargetWorkingDays: values.SENIM_DECISION_TARGET_WORKING_DAYS,
    reflectionDays: values.SENIM_REFLECTION_DAYS,
    demoCases: values.SENIM_DEMO_CASES ?? null,
  };
}
